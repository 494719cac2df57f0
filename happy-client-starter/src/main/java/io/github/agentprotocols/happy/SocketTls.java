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

package io.github.agentprotocols.happy;

import java.util.Arrays;
import java.util.List;

import javax.net.ssl.X509TrustManager;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * The TLS of the Socket.IO connection's HTTP client from a Spring Boot SSL bundle: its
 * key and trust material, and its protocols and cipher suites, if it names any.
 */
final class SocketTls {

	private SocketTls() {
	}

	static OkHttpClient.Builder apply(OkHttpClient.Builder http, SslBundle bundle) {
		X509TrustManager trustManager = Arrays.stream(bundle.getManagers().getTrustManagers())
			.filter(X509TrustManager.class::isInstance)
			.map(X509TrustManager.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The SSL bundle has no X.509 trust manager"));
		http.sslSocketFactory(bundle.createSslContext().getSocketFactory(), trustManager);
		SslOptions options = bundle.getOptions();
		if (options.isSpecified()) {
			ConnectionSpec.Builder spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS);
			if (options.getEnabledProtocols() != null) {
				spec.tlsVersions(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				spec.cipherSuites(options.getCiphers());
			}
			http.connectionSpecs(List.of(spec.build()));
		}
		return http;
	}

}
