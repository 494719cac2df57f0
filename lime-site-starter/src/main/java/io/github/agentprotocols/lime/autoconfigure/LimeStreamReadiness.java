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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.lime.sse.LimeConnectionState;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import org.jspecify.annotations.Nullable;

/**
 * Refuses traffic while this instance cannot hear the outcomes of the login requests it
 * creates: LIME rejects the stream's site token, or the stream has been down (connecting
 * or reconnecting) for longer than {@code lime.site.sse.max-downtime}. A stopped stream
 * (a standby's, with {@code lime.store.type=redis}) refuses nothing.
 */
final class LimeStreamReadiness implements ReadinessCheck {

	private final Supplier<LimeConnectionState> state;

	private final Duration maxDowntime;

	private final Clock clock;

	private @Nullable Instant downSince;

	private int lastAttempt;

	LimeStreamReadiness(Supplier<LimeConnectionState> state, Duration maxDowntime, Clock clock) {
		this.state = state;
		this.maxDowntime = maxDowntime;
		this.clock = clock;
	}

	@Override
	public synchronized @Nullable String refusal() {
		LimeConnectionState current = this.state.get();
		if (current.status() == Status.AUTH_REJECTED) {
			return "LIME rejects the event stream's site token (lime.site.token)";
		}
		if (current.status() != Status.CONNECTING && current.status() != Status.RECONNECTING) {
			this.downSince = null;
			return null;
		}
		if (this.downSince == null || current.attempt() < this.lastAttempt) {
			this.downSince = current.since();
		}
		this.lastAttempt = current.attempt();
		Duration down = Duration.between(this.downSince, this.clock.instant());
		return (down.compareTo(this.maxDowntime) > 0) ? "the LIME event stream has been down for " + down.toSeconds()
				+ " s, longer than lime.site.sse.max-downtime (" + this.maxDowntime + ")" : null;
	}

}
