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

package io.github.agentprotocols.benchmarks.fuzz;

/**
 * The class of the server's answer to one mutated request.
 */
public enum Outcome {

	/** A 2xx status. */
	STATUS_2XX,

	/** A 3xx status. */
	STATUS_3XX,

	/** A 4xx status. */
	STATUS_4XX,

	/** A 5xx status: a finding, unless it is {@link #SHED}. */
	STATUS_5XX,

	/**
	 * A 503 with the refusal a server documents as its limit on load, not a finding:
	 * ACP's {@code {"code":4,"message":"Too many pending connections"}} beyond
	 * {@code acp.socketio.max-pending-connections} handshakes not yet connected, which
	 * the driver's fresh handshakes reach.
	 */
	SHED,

	/** Another status (1xx other than the upgrade, or unreadable). */
	OTHER_STATUS,

	/**
	 * A WebSocket still open after the frames: it answered the ping that followed them.
	 */
	WEBSOCKET_OPEN,

	/**
	 * The connection closed or reset before an answer (or, for a WebSocket, after its
	 * frames).
	 */
	CLOSED,

	/**
	 * No answer, or an answer not finished, within the timeout: a connection left
	 * hanging, a finding.
	 */
	TIMEOUT;

	private static final String PENDING_LIMIT = "\"Too many pending connections\"";

	/**
	 * The class of an answer whose body was read.
	 * @param status the status
	 * @param body the body, as text
	 * @return the class
	 */
	static Outcome of(int status, String body) {
		return (status == 503 && body.contains(PENDING_LIMIT)) ? SHED : ofStatus(status);
	}

	static Outcome ofStatus(int status) {
		return switch (status / 100) {
			case 2 -> STATUS_2XX;
			case 3 -> STATUS_3XX;
			case 4 -> STATUS_4XX;
			case 5 -> STATUS_5XX;
			default -> OTHER_STATUS;
		};
	}

	/**
	 * Whether the outcome is kept as a finding.
	 * @return {@code true} for 5xx and hangs
	 */
	public boolean isFinding() {
		return this == STATUS_5XX || this == TIMEOUT;
	}

}
