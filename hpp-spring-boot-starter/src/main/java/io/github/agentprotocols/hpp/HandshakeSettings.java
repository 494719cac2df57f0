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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Protocol settings of a {@link HandshakeManager}.
 *
 * @param ttl idle time-to-live of new sessions
 * @param maxLifetime absolute lifetime of a session, extensions included
 * @param rateLimitPerMinute agent requests (context, action, diff) per session per
 * sliding minute
 * @param extendRateLimitPerMinute extensions per session per sliding minute
 * @param limits size limits
 * @param pacing bounds of the paced delivery of action events
 * @param zone the time zone of timestamps
 * @param bindUserEditsToOwner whether user edits of a session that has an owner are
 * accepted only from that owner
 * @param clearedFieldsBecomeEmpty whether a user edit to an empty value releases the
 * field to the agent
 * @param requireOwner whether sessions without an owner (created anonymously, and not
 * given one by a hook) are refused
 * @param paths the advertised URL paths
 */
public record HandshakeSettings(Duration ttl, Duration maxLifetime, int rateLimitPerMinute,
		int extendRateLimitPerMinute, Limits limits, Pacing pacing, ZoneId zone, boolean bindUserEditsToOwner,
		boolean clearedFieldsBecomeEmpty, boolean requireOwner, Paths paths) {

	/**
	 * The defaults of the reference implementation, with our hardening.
	 * @return default settings
	 */
	public static HandshakeSettings defaults() {
		return new HandshakeSettings(Duration.ofSeconds(1800), Duration.ofHours(24), 60, 10,
				new Limits(500, 256, 64 * 1024, 500), new Pacing(Duration.ofSeconds(2), Duration.ofSeconds(30)),
				ZoneId.of("UTC"), true, false, false, new Paths("", "/handshake", "/ws/handshake"));
	}

	HandshakeSession.WritePolicy writePolicy() {
		return new HandshakeSession.WritePolicy(this.limits.maxFields(), this.clearedFieldsBecomeEmpty);
	}

	/**
	 * Size limits.
	 *
	 * @param maxFields fields per session
	 * @param maxKeyLength characters per field key
	 * @param maxValueBytes bytes of one field value, serialized as JSON
	 * @param maxSchemaFields entries of a session's schema
	 */
	public record Limits(int maxFields, int maxKeyLength, int maxValueBytes, int maxSchemaFields) {

	}

	/**
	 * Bounds of the paced delivery of action events.
	 *
	 * @param maxInterval the longest pause after one event ({@code intervalMs} is clamped
	 * to it)
	 * @param maxBatch the longest total pacing of one batch
	 */
	public record Pacing(Duration maxInterval, Duration maxBatch) {

	}

	/**
	 * The paths the create response advertises.
	 *
	 * @param advertisedPrefix prepended to every advertised path (a context path)
	 * @param prefix the HTTP route prefix
	 * @param wsPrefix the WebSocket route prefix
	 */
	public record Paths(String advertisedPrefix, String prefix, String wsPrefix) {

	}

}
