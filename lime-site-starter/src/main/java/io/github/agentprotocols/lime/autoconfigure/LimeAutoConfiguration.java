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

import java.net.URI;
import java.time.Clock;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.commons.thread.BlockingWork;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.client.LimeApiClient;
import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.context.LimeEventDispatcherLifecycle;
import io.github.agentprotocols.lime.context.LocalLoginBroadcast;
import io.github.agentprotocols.lime.context.LoginEventPublisher;
import io.github.agentprotocols.lime.memory.InMemoryPassportReplayStore;
import io.github.agentprotocols.lime.memory.InMemoryPendingLoginRequests;
import io.github.agentprotocols.lime.observation.LimeApiObservationConvention;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationConvention;
import io.github.agentprotocols.lime.observation.PassportVerificationObservationConvention;
import io.github.agentprotocols.lime.passport.JwksResourceRetriever;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the LIME agent login starter. Active unless
 * {@code lime.enabled=false}; needs {@code lime.site.token} (or the environment variable
 * {@code LIME_SITE_TOKEN}), or a {@link LimeConnectionDetails} bean. Provides the
 * {@link LimeSite}, its {@link PassportVerifier} and {@link PassportReplayStore}, the
 * {@link PendingLoginRequests} store, and the {@link LimeEventDispatcher}, run by a
 * {@link LimeEventDispatcherLifecycle}, that delivers login events to the
 * {@link LimeLoginHandler} beans, in their order, then as {@link LimeLoginApprovedEvent}
 * and {@link LimeLoginExpiredEvent} to {@code @EventListener}s, then to the
 * {@link LimeLoginBroadcast} (a {@link LimeLoginBroadcastEvent} on this instance).
 * {@code LimeRedisAutoConfiguration} replaces the stores, the broadcast and the lifecycle
 * when instances share the stream ({@code lime.store.type=redis}). Its health contributor
 * and meters have auto-configurations of their own,
 * {@code LimeHealthContributorAutoConfiguration} and
 * {@code LimeMetricsAutoConfiguration}.
 * <p>
 * The calls to the LIME API and the event stream use Spring Boot's
 * {@code WebClient.Builder}, through the SSL bundle that {@code lime.site.ssl.bundle}
 * names, if any.
 * <p>
 * The calls to the LIME API, the events and their handlers and passport verification are
 * observed in the application's {@link ObservationRegistry}, if any, with the conventions
 * declared as beans, else the default ones.
 * <p>
 * To change an option of the site, the verifier or the dispatcher and keep the rest of
 * their configuration, define a {@link LimeSiteBuilderCustomizer},
 * {@link PassportVerifierBuilderCustomizer} or
 * {@link LimeEventDispatcherBuilderCustomizer} bean; they run, in their order, just
 * before the builder builds.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lime.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LimeProperties.class)
public final class LimeAutoConfiguration {

	@Bean
	static LimeRenamedProperties limeRenamedProperties() {
		return new LimeRenamedProperties();
	}

	@Bean
	AgentProtocol limeProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
	}

	@Bean
	@ConditionalOnMissingBean(LimeConnectionDetails.class)
	PropertiesLimeConnectionDetails limeConnectionDetails(LimeProperties properties) {
		return new PropertiesLimeConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	PassportReplayStore limePassportReplayStore(Clock clock) {
		return new InMemoryPassportReplayStore(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	PendingLoginRequests limePendingLoginRequests(Clock clock) {
		return new InMemoryPendingLoginRequests(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	LimeLoginBroadcast limeLoginBroadcast(ApplicationEventPublisher eventPublisher) {
		return new LocalLoginBroadcast(eventPublisher);
	}

	@Bean
	LimeWebClients limeWebClients(LimeProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<WebClientSsl> webClientSsl) {
		return new LimeWebClients(properties, webClientBuilder, sslBundles.getIfAvailable(),
				webClientSsl.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PassportVerifier limePassportVerifier(LimeProperties properties, LimeConnectionDetails connectionDetails,
			PassportReplayStore replayStore, LimeWebClients webClients, ObjectProvider<LimeMetrics> metrics,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LimeApiObservationConvention> apiConvention,
			ObjectProvider<PassportVerificationObservationConvention> verificationConvention,
			ObjectProvider<PassportVerifierBuilderCustomizer> customizers, Clock clock) {
		LimePropertiesMapper mapper = new LimePropertiesMapper(properties, connectionDetails);
		ObservationRegistry registry = registry(observationRegistry);
		LimeApiClient client = mapper.apiClient(webClients.create(), clock, registry, apiConvention.getIfAvailable());
		URI jwks = client.uri(LimeSite.JWKS_PATH);
		PassportVerifier.Builder verifier = mapper
			.passportVerifier(PassportVerifier.withJwkSetUri(jwks, new JwksResourceRetriever(client)))
			.replayStore(replayStore)
			.metrics(metrics.getIfAvailable(() -> LimeMetrics.NONE))
			.observationRegistry(registry)
			.clock(clock);
		verificationConvention.ifAvailable(verifier::observationConvention);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(verifier));
		return verifier.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LimeSite limeSite(LimeProperties properties, LimeConnectionDetails connectionDetails,
			PassportVerifier passportVerifier, PendingLoginRequests pendingRequests, LimeWebClients webClients,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LimeApiObservationConvention> apiConvention,
			ObjectProvider<LimeSiteBuilderCustomizer> customizers, Clock clock) {
		LimeSite.Builder site = new LimePropertiesMapper(properties, connectionDetails).site(LimeSite.builder())
			.webClient(webClients.create())
			.passportVerifier(passportVerifier)
			.pendingRequests(pendingRequests)
			.observationRegistry(registry(observationRegistry))
			.clock(clock);
		apiConvention.ifAvailable(site::apiObservationConvention);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(site));
		return site.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LimeEventDispatcher limeEventDispatcher(LimeProperties properties, LimeConnectionDetails connectionDetails,
			ObjectProvider<LimeLoginHandler> handlers, ApplicationEventPublisher eventPublisher,
			LimeLoginBroadcast broadcast, LimeSite site, PendingLoginRequests pendingRequests,
			ObjectProvider<LimeEventLog> eventLog, LimeWebClients webClients, ObjectProvider<LimeMetrics> metrics,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LimeEventObservationConvention> eventConvention,
			ObjectProvider<LimeHandlerObservationConvention> handlerConvention,
			ObjectProvider<LimeEventDispatcherBuilderCustomizer> customizers, Clock clock, Environment environment) {
		LimePropertiesMapper mapper = new LimePropertiesMapper(properties, connectionDetails);
		LimeEventDispatcher.Builder dispatcher = mapper.dispatcher()
			.webClient(webClients.create())
			.handlers(handlers.orderedStream().toList())
			.handlerScheduler(BlockingWork.scheduler(environment, "lime-handler-"))
			.handler(new LoginEventPublisher(eventPublisher))
			.broadcast(broadcast)
			.metrics(metrics.getIfAvailable(() -> LimeMetrics.NONE))
			.reconcile(pendingRequests, site::getLoginStatus)
			.observationRegistry(registry(observationRegistry))
			.clock(clock);
		eventLog.ifAvailable((log) -> dispatcher.eventLog(log).inFlightRecheck(mapper.leaseTtl()));
		eventConvention.ifAvailable(dispatcher::eventObservationConvention);
		handlerConvention.ifAvailable(dispatcher::handlerObservationConvention);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(dispatcher));
		return dispatcher.build();
	}

	@Bean
	@ConditionalOnMissingBean({ LimeEventDispatcherLifecycle.class, LimeStreamLease.class })
	LimeEventDispatcherLifecycle limeEventDispatcherLifecycle(LimeEventDispatcher dispatcher) {
		return new LimeEventDispatcherLifecycle(dispatcher);
	}

	/**
	 * Refuses traffic while LIME rejects the stream's site token or the stream stays down
	 * past {@code lime.site.sse.max-downtime}: this instance could create login requests
	 * but would hear none of their outcomes.
	 * @param dispatcher the dispatcher
	 * @param properties the properties
	 * @param clock the clock
	 * @return the readiness check
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "lime.site.sse.readiness", matchIfMissing = true)
	ReadinessCheck limeStreamReadiness(LimeEventDispatcher dispatcher, LimeProperties properties, Clock clock) {
		return new LimeStreamReadiness(dispatcher::getState, properties.getSite().getSse().getMaxDowntime(), clock);
	}

	private static ObservationRegistry registry(ObjectProvider<ObservationRegistry> observationRegistry) {
		return observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

}
