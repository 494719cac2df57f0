/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.commons.ssl;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because a starter's {@code ...ssl.bundle} property
 * names an SSL bundle that is not configured: Spring Boot's own
 * {@code NoSuchSslBundleException} names the bundle but not the property.
 */
class NoSuchProtocolSslBundleFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchProtocolSslBundleException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchProtocolSslBundleException cause) {
		String configured = cause.getConfiguredBundles().isEmpty() ? "none is configured"
				: "configured: " + String.join(", ", cause.getConfiguredBundles());
		String description = cause.getMessage() + " (" + configured + ").";
		String name = cause.getBundleName();
		String action = "Configure the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
				+ ", or set " + cause.getProperty() + " to the name of a configured bundle.";
		return new FailureAnalysis(description, action, cause);
	}

}
