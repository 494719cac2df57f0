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

package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Clock;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.hpp.ActionHook;
import io.github.agentprotocols.hpp.BrowserAuth;
import io.github.agentprotocols.hpp.CreateSessionHook;
import io.github.agentprotocols.hpp.DoneHook;
import io.github.agentprotocols.hpp.ExtendHook;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.Hooks;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.PromptBuilder;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionCleanup;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.ValueValidator;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalClientThrottle;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.observation.HandshakeObservationConvention;
import io.github.agentprotocols.hpp.observation.RelayPublishObservationConvention;
import io.github.agentprotocols.hpp.observation.RelayReceiveObservationConvention;
import io.github.agentprotocols.hpp.web.BrowserClientRoute;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.hpp.web.HandshakeRoutes;
import io.github.agentprotocols.hpp.web.HandshakeWebSocketHandler;
import io.github.agentprotocols.hpp.web.HandshakeWebSocketMapping;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of the Handshake Prompt Protocol starter. Active unless
 * {@code hpp.enabled=false}. Its health contributor and meters have auto-configurations
 * of their own, {@code HppHealthContributorAutoConfiguration} and
 * {@code HppMetricsAutoConfiguration}. Its operations are observed in the application's
 * {@link ObservationRegistry}, if it has one, with the conventions declared as beans.
 * {@link HandshakeManagerBuilderCustomizer} beans change options of the
 * {@link HandshakeManager} it builds. The throttles of failed token attempts and of
 * anonymous session creations are the {@link ClientThrottle} beans named
 * {@value #FAILED_TOKEN_THROTTLE} and {@value #ANONYMOUS_SESSION_THROTTLE}: per instance,
 * or in Redis mode across instances.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "hpp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HppProperties.class)
@Import(HppSecurityConfiguration.class)
public final class HppAutoConfiguration {

	/** The name of the throttle of failed token attempts. */
	public static final String FAILED_TOKEN_THROTTLE = "hppFailedTokenThrottle";

	/** The name of the throttle of anonymous session creations. */
	public static final String ANONYMOUS_SESSION_THROTTLE = "hppAnonymousSessionThrottle";

	@Bean
	static HppRenamedProperties hppRenamedProperties() {
		return new HppRenamedProperties();
	}

	@Bean
	AgentProtocol hppProtocol() {
		return new AgentProtocol("hpp", "Handshake Prompt Protocol", "hpp");
	}

	@Bean
	@ConditionalOnMissingBean(SessionStore.class)
	@ConditionalOnProperty(name = "hpp.store.type", havingValue = "memory", matchIfMissing = true)
	InMemorySessionStore hppSessionStore(HppProperties properties, Clock clock) {
		return new HppPropertiesMapper(properties).inMemoryStore(clock);
	}

	@Bean
	@ConditionalOnMissingBean(SessionBroadcast.class)
	@ConditionalOnProperty(name = "hpp.store.type", havingValue = "memory", matchIfMissing = true)
	LocalSessionBroadcast hppSessionBroadcast() {
		return new LocalSessionBroadcast();
	}

	@Bean
	@ConditionalOnMissingBean
	HandshakeObservations hppObservations(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<HandshakeObservationConvention> convention,
			ObjectProvider<RelayPublishObservationConvention> publishConvention,
			ObjectProvider<RelayReceiveObservationConvention> receiveConvention) {
		return new HandshakeObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				convention.getIfAvailable(), publishConvention.getIfAvailable(), receiveConvention.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PacedDelivery hppPacedDelivery(SessionBroadcast broadcast, HppProperties properties,
			HandshakeObservations observations) {
		LocalPacedDelivery delivery = new HppPropertiesMapper(properties).localDelivery(broadcast);
		delivery.setObservations(observations);
		return delivery;
	}

	@Bean
	@ConditionalOnMissingBean
	PromptBuilder hppPromptBuilder(HppProperties properties) {
		return new HppPropertiesMapper(properties).promptBuilder();
	}

	@Bean
	@ConditionalOnMissingBean
	HandshakeManager handshakeManager(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery,
			HppProperties properties, Environment environment, ObjectProvider<CreateSessionHook> createHooks,
			ObjectProvider<ActionHook> actionHooks, ObjectProvider<DoneHook> doneHooks,
			ObjectProvider<ExtendHook> extendHooks, ObjectProvider<BrowserAuth> browserAuths,
			ObjectProvider<ValueValidator> validator, PromptBuilder promptBuilder,
			ObjectProvider<HandshakeMetrics> metrics, HandshakeObservations observations, Clock clock,
			ObjectProvider<HandshakeManagerBuilderCustomizer> customizers) {
		Hooks hooks = new Hooks(createHooks.orderedStream().toList(), actionHooks.orderedStream().toList(),
				doneHooks.orderedStream().toList(), extendHooks.orderedStream().toList(),
				browserAuths.orderedStream().toList());
		HandshakeManager.Builder builder = new HppPropertiesMapper(properties)
			.manager(HandshakeManager.builder(store, broadcast, delivery), environment)
			.hooks(hooks)
			.validator(validator.getIfAvailable(ValueValidator::builtIn))
			.promptBuilder(promptBuilder)
			.metrics(metrics.getIfAvailable(() -> HandshakeMetrics.NONE))
			.observations(observations)
			.clock(clock);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCleanup hppSessionCleanup(HandshakeManager manager, HppProperties properties) {
		return new HppPropertiesMapper(properties).cleanup(manager);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ImportRuntimeHints(HppBrowserClientRuntimeHints.class)
	static class HppWebConfiguration {

		@Bean
		RouterFunction<ServerResponse> hppRouterFunction(HandshakeManager manager, HppProperties properties,
				@Qualifier(FAILED_TOKEN_THROTTLE) ClientThrottle failedTokens,
				@Qualifier(ANONYMOUS_SESSION_THROTTLE) ClientThrottle anonymousSessions) {
			HppPropertiesMapper mapper = new HppPropertiesMapper(properties);
			return HandshakeRoutes.of(mapper.prefix(), mapper.handlers(manager, failedTokens, anonymousSessions));
		}

		@Bean
		@ConditionalOnMissingBean(name = "hppBrowserClientRouterFunction")
		@ConditionalOnBooleanProperty(name = "hpp.browser-client.enabled", matchIfMissing = true)
		RouterFunction<ServerResponse> hppBrowserClientRouterFunction(HppProperties properties) {
			return BrowserClientRoute.of(new HppPropertiesMapper(properties).browserClientPath());
		}

		@Bean(FAILED_TOKEN_THROTTLE)
		@ConditionalOnMissingBean(name = FAILED_TOKEN_THROTTLE)
		LocalClientThrottle hppFailedTokenThrottle(HppProperties properties, Clock clock) {
			return new HppPropertiesMapper(properties).localFailedTokens(clock);
		}

		@Bean(ANONYMOUS_SESSION_THROTTLE)
		@ConditionalOnMissingBean(name = ANONYMOUS_SESSION_THROTTLE)
		LocalClientThrottle hppAnonymousSessionThrottle(HppProperties properties, Clock clock) {
			return new HppPropertiesMapper(properties).localAnonymousSessions(clock);
		}

		@Bean
		@ConditionalOnMissingBean
		HandshakeWebSocketHandler hppWebSocketHandler(HandshakeManager manager, SessionBroadcast broadcast,
				HppProperties properties, ObjectProvider<HandshakeMetrics> metrics,
				HandshakeObservations observations) {
			HandshakeWebSocketHandler handler = new HppPropertiesMapper(properties).webSocketHandler(manager, broadcast,
					metrics.getIfAvailable(() -> HandshakeMetrics.NONE));
			handler.setObservations(observations);
			return handler;
		}

		@Bean
		HandlerMapping hppWebSocketHandlerMapping(HandshakeWebSocketHandler handler, HppProperties properties) {
			return new HandshakeWebSocketMapping(new HppPropertiesMapper(properties).webSocketPrefix(), handler);
		}

		@Bean
		WebFluxConfigurer hppCorsConfigurer(HppProperties properties) {
			return new WebFluxConfigurer() {

				@Override
				public void addCorsMappings(CorsRegistry registry) {
					if (properties.getAllowedOrigins().isEmpty()) {
						return;
					}
					String prefix = new HppPropertiesMapper(properties).prefix();
					String[] origins = properties.getAllowedOrigins().toArray(String[]::new);
					for (String path : new String[] { prefix + "/session", prefix + "/notify/*" }) {
						registry.addMapping(path).allowedOrigins(origins).allowedMethods("POST").allowCredentials(true);
					}
					registry.addMapping(prefix + "/session/*")
						.allowedOrigins(origins)
						.allowedMethods("DELETE")
						.allowCredentials(true);
				}

			};
		}

	}

}
