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

package io.github.agentprotocols.commons.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link RedisTlsException} as the SSL bundle to fix.
 */
class RedisTlsFailureAnalyzer extends AbstractFailureAnalyzer<RedisTlsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisTlsException cause) {
		String description = "The TLS handshake with Redis at " + cause.getTarget() + " failed: "
				+ cause.getCause().getMessage();
		String action = "Check the SSL bundle that 'spring.data.redis.ssl.bundle' names"
				+ " ('spring.ssl.bundle.pem.<name>.*' or 'spring.ssl.bundle.jks.<name>.*'): its trust store must hold"
				+ " the certificate authority that signed the certificate Redis presents (without a bundle the JVM's"
				+ " default trust store is used), that certificate must name the host as the application writes it"
				+ " (a subject alternative name: DNS, or IP for an address), and when Redis requires client certificates"
				+ " ('tls-auth-clients yes') its key store must hold a certificate and key that Redis trusts."
				+ " TLS is on with a 'rediss://' 'spring.data.redis.url', 'spring.data.redis.ssl.enabled=true' or a"
				+ " bundle named.";
		return new FailureAnalysis(description, action, cause);
	}

}
