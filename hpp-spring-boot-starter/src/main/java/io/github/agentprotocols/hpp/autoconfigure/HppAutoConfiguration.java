package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Clock;
import java.util.Map;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.hpp.ActionHook;
import io.github.agentprotocols.hpp.BrowserAuth;
import io.github.agentprotocols.hpp.CreateSessionHook;
import io.github.agentprotocols.hpp.DefaultPromptBuilder;
import io.github.agentprotocols.hpp.DoneHook;
import io.github.agentprotocols.hpp.ExtendHook;
import io.github.agentprotocols.hpp.FailedTokenThrottle;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.Hooks;
import io.github.agentprotocols.hpp.OriginPolicy;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.PromptBuilder;
import io.github.agentprotocols.hpp.SessionBroadcast;
import io.github.agentprotocols.hpp.SessionCleanup;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.ValueValidator;
import io.github.agentprotocols.hpp.event.LocalPacedDelivery;
import io.github.agentprotocols.hpp.event.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.store.InMemorySessionStore;
import io.github.agentprotocols.hpp.web.HandshakeHandlers;
import io.github.agentprotocols.hpp.web.HandshakeRoutes;
import io.github.agentprotocols.hpp.web.HandshakeWebSocketHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Auto-configuration of the Handshake Prompt Protocol starter. Active unless
 * {@code hpp.enabled=false}. Its health contributor and meters have auto-configurations
 * of their own, {@code HppHealthContributorAutoConfiguration} and
 * {@code HppMetricsAutoConfiguration}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "hpp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HppProperties.class)
@Import(HppSecurityConfiguration.class)
public final class HppAutoConfiguration {

	@Bean
	AgentProtocol hppProtocol() {
		return new AgentProtocol("hpp", "Handshake Prompt Protocol", "hpp");
	}

	@Bean
	@ConditionalOnMissingBean(SessionStore.class)
	@ConditionalOnProperty(name = "hpp.store", havingValue = "memory", matchIfMissing = true)
	InMemorySessionStore hppSessionStore(HppProperties properties, Clock clock) {
		return new InMemorySessionStore(properties.getLimits().getMaxSessions(),
				properties.getLimits().getMaxSessionsPerPrincipal(), clock);
	}

	@Bean
	@ConditionalOnMissingBean(SessionBroadcast.class)
	@ConditionalOnProperty(name = "hpp.store", havingValue = "memory", matchIfMissing = true)
	LocalSessionBroadcast hppSessionBroadcast() {
		return new LocalSessionBroadcast();
	}

	@Bean
	@ConditionalOnMissingBean
	PacedDelivery hppPacedDelivery(SessionBroadcast broadcast, HppProperties properties) {
		return new LocalPacedDelivery(broadcast, properties.getPacing().getMaxQueuedBatches());
	}

	@Bean
	@ConditionalOnMissingBean
	PromptBuilder hppPromptBuilder(HppProperties properties) {
		return new DefaultPromptBuilder(trimSlash(properties.getPrefix()));
	}

	@Bean
	@ConditionalOnMissingBean
	HandshakeManager handshakeManager(SessionStore store, SessionBroadcast broadcast, PacedDelivery delivery,
			HppProperties properties, Environment environment, ObjectProvider<CreateSessionHook> createHooks,
			ObjectProvider<ActionHook> actionHooks, ObjectProvider<DoneHook> doneHooks,
			ObjectProvider<ExtendHook> extendHooks, ObjectProvider<BrowserAuth> browserAuths,
			ObjectProvider<ValueValidator> validator, PromptBuilder promptBuilder,
			ObjectProvider<HandshakeMetrics> metrics, Clock clock) {
		Hooks hooks = new Hooks(createHooks.orderedStream().toList(), actionHooks.orderedStream().toList(),
				doneHooks.orderedStream().toList(), extendHooks.orderedStream().toList(),
				browserAuths.orderedStream().toList());
		return new HandshakeManager(store, broadcast, delivery, settings(properties, environment), hooks,
				validator.getIfAvailable(ValueValidator::builtIn), promptBuilder,
				new OriginPolicy(properties.getAllowedOrigins()), metrics.getIfAvailable(() -> HandshakeMetrics.NONE),
				clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCleanup hppSessionCleanup(HandshakeManager manager, HppProperties properties) {
		return new SessionCleanup(manager, properties.getCleanupInterval());
	}

	private static HandshakeSettings settings(HppProperties properties, Environment environment) {
		HppProperties.Limits limits = properties.getLimits();
		String advertised = (properties.getAdvertisedPathPrefix() != null) ? properties.getAdvertisedPathPrefix()
				: environment.getProperty("spring.webflux.base-path", "");
		return new HandshakeSettings(properties.getTtl(), properties.getMaxLifetime(), properties.getRateLimitPerMin(),
				properties.getExtendRateLimitPerMin(),
				new HandshakeSettings.Limits(limits.getMaxFields(), limits.getMaxKeyLength(),
						(int) limits.getMaxValueSize().toBytes(), limits.getMaxSchemaFields()),
				new HandshakeSettings.Pacing(properties.getPacing().getMaxInterval(),
						properties.getPacing().getMaxBatch()),
				properties.getTimeZone(), properties.isBindUserEditsToCreator(),
				properties.isClearedFieldsBecomeEmpty(), properties.isRequirePrincipal(), new HandshakeSettings.Paths(
						trimSlash(advertised), trimSlash(properties.getPrefix()), trimSlash(properties.getWsPrefix())));
	}

	static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class HppWebConfiguration {

		@Bean
		RouterFunction<ServerResponse> hppRouterFunction(HandshakeManager manager, HppProperties properties,
				Clock clock) {
			return HandshakeRoutes.of(trimSlash(properties.getPrefix()),
					new HandshakeHandlers(manager, (int) properties.getLimits().getMaxBodySize().toBytes(),
							new FailedTokenThrottle(properties.getLimits().getMaxFailedTokensPerMinute(),
									properties.getLimits().getMaxTrackedClients(), clock)));
		}

		@Bean
		@ConditionalOnMissingBean
		HandshakeWebSocketHandler hppWebSocketHandler(HandshakeManager manager, SessionBroadcast broadcast,
				HppProperties properties, ObjectProvider<HandshakeMetrics> metrics) {
			boolean checkOrigin = (properties.getCheckWebsocketOrigin() != null) ? properties.getCheckWebsocketOrigin()
					: !properties.getAllowedOrigins().isEmpty();
			return new HandshakeWebSocketHandler(manager, broadcast, properties.getHeartbeatInterval(),
					metrics.getIfAvailable(() -> HandshakeMetrics.NONE),
					checkOrigin ? new OriginPolicy(properties.getAllowedOrigins()) : null);
		}

		@Bean
		HandlerMapping hppWebSocketHandlerMapping(HandshakeWebSocketHandler handler, HppProperties properties) {
			return new SimpleUrlHandlerMapping(Map.of(trimSlash(properties.getWsPrefix()) + "/*", handler), -1);
		}

		@Bean
		WebFluxConfigurer hppCorsConfigurer(HppProperties properties) {
			return new WebFluxConfigurer() {

				@Override
				public void addCorsMappings(CorsRegistry registry) {
					if (properties.getAllowedOrigins().isEmpty()) {
						return;
					}
					String prefix = trimSlash(properties.getPrefix());
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
