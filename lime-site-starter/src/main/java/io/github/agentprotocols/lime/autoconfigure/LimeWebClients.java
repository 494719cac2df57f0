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

package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.ssl.ProtocolSslBundles;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes the {@link WebClient}s of the calls to the LIME API and of the event stream from
 * Spring Boot's {@link WebClient.Builder}, through the SSL bundle that
 * {@code lime.site.ssl.bundle} names, if any: its connector is then Spring Boot's
 * {@link WebClientSsl} for the bundle.
 */
final class LimeWebClients {

	static final String SSL_BUNDLE_PROPERTY = "lime.site.ssl.bundle";

	private final ObjectProvider<WebClient.Builder> builder;

	private final @Nullable SslBundle sslBundle;

	private final @Nullable WebClientSsl webClientSsl;

	/**
	 * Create the WebClients' maker, failing when the bundle is not configured.
	 * @param properties the properties
	 * @param builder Spring Boot's builder, if any
	 * @param sslBundles the application's bundles, if any
	 * @param webClientSsl Spring Boot's connector maker for a bundle, if any
	 * @throws io.github.agentprotocols.commons.ssl.NoSuchProtocolSslBundleException when
	 * {@code lime.site.ssl.bundle} names no configured bundle
	 */
	LimeWebClients(LimeProperties properties, ObjectProvider<WebClient.Builder> builder,
			@Nullable SslBundles sslBundles, @Nullable WebClientSsl webClientSsl) {
		this.builder = builder;
		this.sslBundle = ProtocolSslBundles.get(sslBundles, SSL_BUNDLE_PROPERTY,
				properties.getSite().getSsl().getBundle());
		this.webClientSsl = webClientSsl;
	}

	/**
	 * Return a new WebClient.
	 * @return the client
	 */
	WebClient create() {
		WebClient.Builder web = this.builder.getIfAvailable(WebClient::builder);
		SslBundle bundle = this.sslBundle;
		if (bundle == null) {
			return web.build();
		}
		if (this.webClientSsl != null) {
			return web.clone().apply(this.webClientSsl.fromBundle(bundle)).build();
		}
		return web.clone()
			.clientConnector(ClientHttpConnectorBuilder.detect().build(HttpClientSettings.ofSslBundle(bundle)))
			.build();
	}

}
