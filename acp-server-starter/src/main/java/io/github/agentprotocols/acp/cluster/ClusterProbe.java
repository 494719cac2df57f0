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

package io.github.agentprotocols.acp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The relay's probe of its own channel: a message it sends to itself, by the path its
 * broadcasts take, to prove that it hears. A probe's text is
 * {@code {"probe":"<node>/<n>"}}, which no broadcast's message starts with; every
 * instance hears every instance's probes and ignores the others'. Counts the probes sent
 * and tells when the last one of this instance was heard, and whether the one sent last
 * is overdue.
 */
final class ClusterProbe {

	private static final String PREFIX = "{\"probe\":\"";

	private final String own;

	private final Clock clock;

	private final Duration timeout;

	private long number;

	private volatile @Nullable Instant sent;

	private volatile @Nullable Instant heard;

	/**
	 * Creates the probe of one instance.
	 * @param node the instance's id
	 * @param clock tells when a probe was sent and heard
	 * @param timeout how long a probe may take to be heard
	 */
	ClusterProbe(String node, Clock clock, Duration timeout) {
		this.own = PREFIX + node + "/";
		this.clock = clock;
		this.timeout = timeout;
	}

	/**
	 * The text of the next probe, recorded as sent now unless an earlier one is still
	 * unheard: the wait for an answer runs from the first probe unheard, so probes sent
	 * more often than the timeout still find a deaf channel.
	 * @return the message to send
	 */
	synchronized String next() {
		if (!awaitingAnswer()) {
			this.sent = this.clock.instant();
		}
		return this.own + (++this.number) + "\"}";
	}

	private boolean awaitingAnswer() {
		Instant sent = this.sent;
		Instant heard = this.heard;
		return sent != null && (heard == null || heard.isBefore(sent));
	}

	/**
	 * Whether a message is a probe, of any instance, not a broadcast.
	 * @param message a message received on the channel
	 * @return whether the message is a probe
	 */
	static boolean isProbe(String message) {
		return message.startsWith(PREFIX);
	}

	/**
	 * Records a probe of this instance as heard now.
	 * @param message a probe received on the channel
	 * @return whether it was this instance's
	 */
	boolean hear(String message) {
		if (!message.startsWith(this.own)) {
			return false;
		}
		this.heard = this.clock.instant();
		return true;
	}

	/**
	 * When this instance last heard one of its probes.
	 * @return the time, {@code null} before the first
	 */
	@Nullable Instant heard() {
		return this.heard;
	}

	/**
	 * Whether the first probe unheard since the last one heard has waited longer than the
	 * timeout.
	 * @return true when the channel seems deaf
	 */
	boolean isOverdue() {
		Instant sent = this.sent;
		return awaitingAnswer() && sent != null && this.clock.instant().isAfter(sent.plus(this.timeout));
	}

}
