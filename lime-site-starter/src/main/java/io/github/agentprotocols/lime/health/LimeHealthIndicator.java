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

package io.github.agentprotocols.lime.health;

import java.time.Instant;
import java.util.Locale;

import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import org.jspecify.annotations.Nullable;
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
 * <p>
 * When instances share the stream under a {@link LimeStreamLease}, the detail
 * {@code role} tells {@code leader} (the instance reading the stream, reported as above)
 * from {@code standby} (up: its stream is another instance's job).
 */
public class LimeHealthIndicator extends AbstractReactiveHealthIndicator {

	private final LimeEventDispatcher dispatcher;

	private final String apiBase;

	private final @Nullable LimeStreamLease lease;

	/**
	 * Create the indicator of a single instance.
	 * @param dispatcher the dispatcher whose connection is reported
	 * @param apiBase the LIME API base, reported as a detail
	 */
	public LimeHealthIndicator(LimeEventDispatcher dispatcher, String apiBase) {
		this(dispatcher, apiBase, null);
	}

	/**
	 * Create the indicator.
	 * @param dispatcher the dispatcher whose connection is reported
	 * @param apiBase the LIME API base, reported as a detail
	 * @param lease the lease under which instances share the stream, or {@code null} for
	 * a single instance
	 */
	public LimeHealthIndicator(LimeEventDispatcher dispatcher, String apiBase, @Nullable LimeStreamLease lease) {
		super("LIME agent login health check failed");
		this.dispatcher = dispatcher;
		this.apiBase = apiBase;
		this.lease = lease;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		LimeConnectionState state = this.dispatcher.getState();
		builder.withDetail("apiBase", this.apiBase)
			.withDetail("stream", state.status().name().toLowerCase(Locale.ROOT))
			.withDetail("since", state.since());
		boolean standby = this.lease != null && !this.lease.isHeld();
		if (this.lease != null) {
			builder.withDetail("role", standby ? "standby" : "leader");
		}
		switch (state.status()) {
			case CONNECTED -> builder.up();
			case CONNECTING -> builder.unknown();
			case STOPPED -> {
				if (standby) {
					builder.up();
				}
				else {
					builder.unknown();
				}
			}
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
