package io.github.agentprotocols.lime.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LimeSite;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.PassportReplayStore;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.client.LimeApiClient;
import io.github.agentprotocols.lime.passport.JwksResourceRetriever;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.store.InMemoryPassportReplayStore;
import io.github.agentprotocols.lime.store.InMemoryPendingLoginRequests;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the LIME agent login starter. Active unless
 * {@code lime.enabled=false}; needs {@code lime.site.token} (or the environment variable
 * {@code LIME_SITE_TOKEN}). Provides the {@link LimeSite}, its {@link PassportVerifier}
 * and {@link PassportReplayStore}, the {@link PendingLoginRequests} store, and the
 * {@link LimeEventDispatcher}, run by a {@link LimeEventDispatcherLifecycle}, that
 * delivers login events to the {@link LimeLoginHandler} beans, in their order, then as
 * {@link LimeLoginApprovedEvent} and {@link LimeLoginExpiredEvent} to
 * {@code @EventListener}s, then to the {@link LimeLoginBroadcast} (a
 * {@link LimeLoginBroadcastEvent} on this instance). {@code LimeRedisAutoConfiguration}
 * replaces the stores, the broadcast and the lifecycle when instances share the stream
 * ({@code lime.store.type=redis}). Its health contributor and meters have
 * auto-configurations of their own, {@code LimeHealthContributorAutoConfiguration} and
 * {@code LimeMetricsAutoConfiguration}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lime.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LimeProperties.class)
public final class LimeAutoConfiguration {

	@Bean
	AgentProtocol limeProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
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
	@ConditionalOnMissingBean
	PassportVerifier limePassportVerifier(LimeProperties properties, PassportReplayStore replayStore,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<LimeMetrics> metrics, Clock clock) {
		LimePropertiesMapper mapper = new LimePropertiesMapper(properties);
		LimeApiClient client = mapper.apiClient(webClient(webClientBuilder), clock);
		URI jwks = client.uri(LimeSite.JWKS_PATH);
		return mapper.passportVerifier(PassportVerifier.withJwkSetUri(jwks, new JwksResourceRetriever(client)))
			.replayStore(replayStore)
			.metrics(metrics.getIfAvailable(() -> LimeMetrics.NONE))
			.clock(clock)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LimeSite limeSite(LimeProperties properties, PassportVerifier passportVerifier,
			PendingLoginRequests pendingRequests, ObjectProvider<WebClient.Builder> webClientBuilder, Clock clock) {
		return new LimePropertiesMapper(properties).site(LimeSite.builder())
			.webClient(webClient(webClientBuilder))
			.passportVerifier(passportVerifier)
			.pendingRequests(pendingRequests)
			.clock(clock)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LimeEventDispatcher limeEventDispatcher(LimeProperties properties, ObjectProvider<LimeLoginHandler> handlers,
			ApplicationEventPublisher eventPublisher, LimeLoginBroadcast broadcast, LimeSite site,
			PendingLoginRequests pendingRequests, ObjectProvider<LimeEventLog> eventLog,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<LimeMetrics> metrics, Clock clock) {
		List<LimeLoginHandler> all = new ArrayList<>(handlers.orderedStream().toList());
		all.add(new LoginEventPublisher(eventPublisher));
		LimeEventDispatcher.Builder dispatcher = new LimePropertiesMapper(properties)
			.dispatcher(LimeEventDispatcher.builder())
			.webClient(webClient(webClientBuilder))
			.reconcile(pendingRequests, site::getLoginStatus)
			.clock(clock);
		eventLog.ifAvailable(dispatcher::eventLog);
		LimeMetrics recorder = metrics.getIfAvailable(() -> LimeMetrics.NONE);
		if (recorder != LimeMetrics.NONE) {
			dispatcher.handler((requestId, passportJwt) -> recorder
				.eventDelivered((passportJwt != null) ? "approved" : "expired"));
			dispatcher.stateListener((state) -> {
				if (state.status() == LimeConnectionState.Status.RECONNECTING) {
					recorder.reconnecting();
				}
			});
			all.replaceAll((handler) -> new MeteredLoginHandler(handler, recorder));
		}
		all.add(new BroadcastingLoginHandler(broadcast));
		return dispatcher.handlers(all).build();
	}

	@Bean
	@ConditionalOnMissingBean({ LimeEventDispatcherLifecycle.class, LimeStreamLease.class })
	LimeEventDispatcherLifecycle limeEventDispatcherLifecycle(LimeEventDispatcher dispatcher) {
		return new LimeEventDispatcherLifecycle(dispatcher);
	}

	private static WebClient webClient(ObjectProvider<WebClient.Builder> webClientBuilder) {
		return webClientBuilder.getIfAvailable(WebClient::builder).build();
	}

}
