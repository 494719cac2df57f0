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

package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.http.HttpClientDefaults;
import io.github.agentprotocols.commons.ssl.ProtocolSslBundles;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.HappyMetrics;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.HappyObservations;
import io.github.agentprotocols.happy.observation.RestObservationConvention;
import io.github.agentprotocols.happy.observation.RpcObservationConvention;
import io.github.agentprotocols.happy.observation.SpawnObservationConvention;
import io.github.agentprotocols.happy.observation.TaskObservationConvention;
import io.github.agentprotocols.happy.observation.TurnObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Happy agent sessions starter. Active unless
 * {@code happy.enabled=false}. With credentials ({@code happy.token} and
 * {@code happy.secret}, a key file, a {@link HappyConnectionDetails} bean or a
 * {@link HappyCredentials} bean) it provides a {@link ReactiveHappyClient} and a blocking
 * {@link HappyClient}; without any, no client (the health contributor says why). Half a
 * credential fails the start-up, naming the missing property. The client's operations are
 * observed in the application's {@link ObservationRegistry}, if any, with the observation
 * convention beans replacing the defaults. The REST calls use Spring Boot's
 * {@code WebClient.Builder}; they and the Socket.IO connection go through the SSL bundle
 * that {@code happy.ssl.bundle} names, if any.
 * {@link ReactiveHappyClientBuilderCustomizer} beans change options of the client before
 * it is built.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnBooleanProperty(name = "happy.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HappyProperties.class)
@ImportRuntimeHints(HappyRuntimeHints.class)
public final class HappyAutoConfiguration {

	@Bean
	AgentProtocol happyProtocol() {
		return new AgentProtocol("happy", "Happy agent sessions", "happy");
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(HappyCredentialsAvailableCondition.class)
	static class HappyClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(HappyConnectionDetails.class)
		PropertiesHappyConnectionDetails happyConnectionDetails(HappyProperties properties) {
			return new PropertiesHappyConnectionDetails(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		HappyCredentials happyCredentials(HappyConnectionDetails connectionDetails) {
			return HappyPropertiesMapper.credentials(connectionDetails);
		}

		@Bean
		@ConditionalOnMissingBean
		HappyObservations happyObservations(ObjectProvider<ObservationRegistry> registry,
				ObjectProvider<RestObservationConvention> rest, ObjectProvider<RpcObservationConvention> rpc,
				ObjectProvider<SpawnObservationConvention> spawn, ObjectProvider<TurnObservationConvention> turn,
				ObjectProvider<TaskObservationConvention> task) {
			return new HappyObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.withConvention(rest.getIfAvailable())
				.withConvention(rpc.getIfAvailable())
				.withConvention(spawn.getIfAvailable())
				.withConvention(turn.getIfAvailable())
				.withConvention(task.getIfAvailable());
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ReactiveHappyClient reactiveHappyClient(HappyCredentials credentials, HappyProperties properties,
				ObjectProvider<WebClient.Builder> webClient, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<WebClientSsl> webClientSsl, ObjectProvider<HappyMetrics> metrics,
				HappyObservations observations, ObjectProvider<ReactiveHappyClientBuilderCustomizer> customizers,
				BeanFactory beanFactory) {
			SslBundle sslBundle = ProtocolSslBundles.get(sslBundles.getIfAvailable(), "happy.ssl.bundle",
					properties.getSsl().getBundle());
			HttpClientDefaults boot = HttpClientDefaults.of(beanFactory);
			ReactiveHappyClient.Builder builder = new HappyPropertiesMapper(properties)
				.client(ReactiveHappyClient.builder(credentials))
				.connectTimeout(HttpClientDefaults.first(properties.getTimeouts().getConnect(), boot.connectTimeout(),
						ReactiveHappyClient.DEFAULT_CONNECT_TIMEOUT))
				.webClient(webClient(webClient.getIfAvailable(WebClient::builder), sslBundle,
						webClientSsl.getIfAvailable()))
				.socketSslBundle((sslBundle != null) ? sslBundle : boot.sslBundle())
				.metrics(metrics.getIfAvailable(() -> HappyMetrics.NONE))
				.observations(observations);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		@Bean(destroyMethod = "")
		@ConditionalOnMissingBean
		HappyClient happyClient(ReactiveHappyClient reactiveHappyClient) {
			return new HappyClient(reactiveHappyClient);
		}

		/**
		 * The REST calls' builder, with the SSL bundle's connector, if any: Spring Boot's
		 * {@link WebClientSsl} for it, else a connector of Boot's detected client
		 * library.
		 */
		private static WebClient.Builder webClient(WebClient.Builder webClient, @Nullable SslBundle sslBundle,
				@Nullable WebClientSsl webClientSsl) {
			if (sslBundle == null) {
				return webClient;
			}
			if (webClientSsl != null) {
				return webClient.clone().apply(webClientSsl.fromBundle(sslBundle));
			}
			return webClient.clone()
				.clientConnector(ClientHttpConnectorBuilder.detect().build(HttpClientSettings.ofSslBundle(sslBundle)));
		}

	}

}
