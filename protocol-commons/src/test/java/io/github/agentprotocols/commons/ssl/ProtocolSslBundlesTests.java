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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A starter's {@code ...ssl.bundle} property names one of the application's SSL bundles;
 * a name no bundle has fails with an analysis that names the property and the bundles
 * there are.
 */
class ProtocolSslBundlesTests {

	private final SslBundle client = SslBundle.systemDefault();

	private final DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("client", this.client);

	private final NoSuchProtocolSslBundleFailureAnalyzer analyzer = new NoSuchProtocolSslBundleFailureAnalyzer();

	@Test
	void returnsTheNamedBundle() {
		assertThat(ProtocolSslBundles.get(this.bundles, "lime.site.ssl.bundle", "client")).isSameAs(this.client);
	}

	@Test
	void unsetOrBlankPropertyNamesNoBundle() {
		assertThat(ProtocolSslBundles.get(this.bundles, "lime.site.ssl.bundle", null)).isNull();
		assertThat(ProtocolSslBundles.get(this.bundles, "lime.site.ssl.bundle", " ")).isNull();
		assertThat(ProtocolSslBundles.get(null, "lime.site.ssl.bundle", null)).isNull();
	}

	@Test
	void unknownNameIsAnalyzedNamingThePropertyAndTheConfiguredBundles() {
		NoSuchProtocolSslBundleException failure = assertThatExceptionOfType(NoSuchProtocolSslBundleException.class)
			.isThrownBy(() -> ProtocolSslBundles.get(this.bundles, "happy.ssl.bundle", "x"))
			.withCauseInstanceOf(NoSuchSslBundleException.class)
			.actual();
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("happyClient", failure));
		assertThat(analysis.getDescription()).isEqualTo(
				"happy.ssl.bundle names 'x', but no SSL bundle of that name is configured under spring.ssl.bundle"
						+ " (configured: client).");
		assertThat(analysis.getAction()).isEqualTo("Configure the bundle under spring.ssl.bundle.pem.x or"
				+ " spring.ssl.bundle.jks.x, or set happy.ssl.bundle to the name of a configured bundle.");
	}

	@Test
	void nameWithoutAnyBundlesIsAnalyzedAsNoneConfigured() {
		NoSuchProtocolSslBundleException failure = assertThatExceptionOfType(NoSuchProtocolSslBundleException.class)
			.isThrownBy(() -> ProtocolSslBundles.get(null, "app-control.remote.ssl.bundle", "x"))
			.actual();
		assertThat(this.analyzer.analyze(failure).getDescription()).endsWith("(none is configured).");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new NoSuchSslBundleException("x", "gone"))).isNull();
	}

}
