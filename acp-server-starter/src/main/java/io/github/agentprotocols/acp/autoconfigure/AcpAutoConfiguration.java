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

package io.github.agentprotocols.acp.autoconfigure;

import java.time.Clock;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.AcpGates;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.engine.BroadcastObservations;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.observation.BroadcastObservationConvention;
import io.github.agentprotocols.acp.observation.RestObservationConvention;
import io.github.agentprotocols.acp.web.AcpHandlers;
import io.github.agentprotocols.acp.web.AcpRoutes;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.thread.BlockingWork;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of the x64acp Assistant Communication Protocol starter. Active
 * unless {@code acp.enabled=false}. Keeps threads in PostgreSQL when the application has
 * an R2DBC connection factory (Spring Boot's, from {@code spring.r2dbc.url}), else in
 * memory; serves the REST API under {@code acp.rest.base-path} in a reactive web
 * application, authenticating each request with the application's
 * {@link AcpAuthenticator}, which it requires. With {@code acp.namespace-keys} set it
 * runs in namespace mode ({@link NamespaceKeys}); an invalid key list fails the start-up.
 * Its health contributor and meters have auto-configurations of their own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "acp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AcpProperties.class)
@Import({ AcpStoreConfigurations.Postgres.class, AcpStoreConfigurations.InMemory.class,
		AcpStoreConfigurations.R2dbcMissing.class, AcpSecurityConfiguration.class,
		DatabaseInitializationDependencyConfigurer.class })
@ImportRuntimeHints(AcpRuntimeHints.class)
public final class AcpAutoConfiguration {

	@Bean
	static AcpRenamedProperties acpRenamedProperties() {
		return new AcpRenamedProperties();
	}

	@Bean
	static ConfigurationPropertiesBindHandlerAdvisor acpInitializeSchemaBooleanValues() {
		return InitializeSchemaProperty.bindHandlerAdvisor();
	}

	@Bean
	AgentProtocol acpProtocol() {
		return new AgentProtocol("acp", "x64acp Assistant Communication Protocol", "acp");
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnNamespaceKeysCondition.class)
	NamespaceKeys acpNamespaceKeys(AcpProperties properties) {
		return new AcpPropertiesMapper(properties).namespaceKeys();
	}

	@Bean
	@ConditionalOnMissingBean
	AcpGates acpGates(ThreadStore store, ObjectProvider<AcpAuthorizer> authorizer,
			ObjectProvider<NamespaceKeys> namespaceKeys) {
		return new AcpGates(store, authorizer.getIfAvailable(() -> AcpAuthorizer.ALLOW_ALL),
				namespaceKeys.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(AcpBroadcaster.class)
	DefaultAcpBroadcaster acpBroadcaster(ObjectProvider<AcpBroadcastListener> listeners,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<BroadcastObservationConvention> observationConvention, Environment environment) {
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(() -> listeners.orderedStream().toList(),
				BlockingWork.scheduler(environment, "acp-broadcast-"));
		broadcaster.setObservations(broadcastObservations(observationRegistry, observationConvention));
		return broadcaster;
	}

	/**
	 * How the deliveries of broadcasts are observed, by the broadcaster and the cluster
	 * relay.
	 * @param observationRegistry the application's registry, if any
	 * @param observationConvention the application's convention, if any
	 * @return the observations
	 */
	static BroadcastObservations broadcastObservations(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<BroadcastObservationConvention> observationConvention) {
		return new BroadcastObservations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	AcpOperations acpOperations(ThreadStore store, AcpGates gates, AcpBroadcaster broadcaster, AssistantRuns runs,
			Clock clock, ObjectProvider<AcpOperationsBuilderCustomizer> customizers) {
		AcpOperations.Builder builder = AcpOperations.builder(store, gates, runs).broadcaster(broadcaster).clock(clock);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class AcpWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AcpHandlers acpHandlers(ObjectProvider<AcpAuthenticator> authenticator, AcpOperations operations,
				AcpProperties properties, ObjectProvider<AcpMetrics> metrics,
				ObjectProvider<NamespaceKeys> namespaceKeys, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<RestObservationConvention> observationConvention) {
			AcpAuthenticator required = authenticator.getIfAvailable();
			if (required == null) {
				throw new AcpAuthenticatorMissingException();
			}
			AcpHandlers handlers = new AcpHandlers(required, operations,
					new AcpPropertiesMapper(properties).maxBodyBytes(), metrics.getIfAvailable(() -> AcpMetrics.NONE),
					namespaceKeys.getIfAvailable());
			handlers.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
			handlers.setObservationConvention(observationConvention.getIfAvailable());
			return handlers;
		}

		@Bean
		RouterFunction<ServerResponse> acpRouterFunction(AcpHandlers handlers, AcpProperties properties) {
			return AcpRoutes.of(new AcpPropertiesMapper(properties).restBasePath(), handlers);
		}

	}

}
