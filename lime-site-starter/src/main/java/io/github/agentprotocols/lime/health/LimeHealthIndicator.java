package io.github.agentprotocols.lime.health;

import java.time.Instant;
import java.util.Locale;

import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * A {@link ReactiveHealthIndicator} for LIME agent login, from the state of the
 * {@link LimeEventDispatcher}'s connection to the LIME event stream: up while connected;
 * unknown while connecting, waiting to reconnect (with the failures in a row) or stopped;
 * down once LIME rejected the site token on the stream, since no login can then complete.
 * Unknown ranks below up, so a health group with other members stays up while the stream
 * reconnects. The details name the API base, the state, since when it holds, and the last
 * failure.
 */
public class LimeHealthIndicator extends AbstractReactiveHealthIndicator {

	private final LimeEventDispatcher dispatcher;

	private final String apiBase;

	/**
	 * Create the indicator.
	 * @param dispatcher the dispatcher whose connection is reported
	 * @param apiBase the LIME API base, reported as a detail
	 */
	public LimeHealthIndicator(LimeEventDispatcher dispatcher, String apiBase) {
		super("LIME agent login health check failed");
		this.dispatcher = dispatcher;
		this.apiBase = apiBase;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		LimeConnectionState state = this.dispatcher.getState();
		builder.withDetail("apiBase", this.apiBase)
			.withDetail("stream", state.status().name().toLowerCase(Locale.ROOT))
			.withDetail("since", state.since());
		switch (state.status()) {
			case CONNECTED -> builder.up();
			case CONNECTING, STOPPED -> builder.unknown();
			case RECONNECTING -> builder.unknown().withDetail("attempt", state.attempt());
			case AUTH_REJECTED -> builder.down().withDetail("rejections", state.attempt());
		}
		Instant lastEvent = this.dispatcher.getLastEventTime();
		if (lastEvent != null) {
			builder.withDetail("lastEvent", lastEvent);
		}
		if (state.lastFailure() != null) {
			builder.withDetail("lastFailure", state.lastFailure().toString());
		}
		return Mono.just(builder.build());
	}

}
