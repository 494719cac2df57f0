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

package io.github.agentprotocols.hpp.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a protocol operation records: the operation, its transport, the
 * session and, once it ended, its outcome.
 */
public class HandshakeObservationContext extends Observation.Context {

	private final HppObservationDocumentation operation;

	private final String transport;

	private final @Nullable String sessionId;

	private String outcome = "unknown";

	/**
	 * Creates a context.
	 * @param operation the operation observed
	 * @param transport {@code http}, {@code websocket} or {@code internal}
	 * @param sessionId the session's id, or null before a session exists
	 */
	public HandshakeObservationContext(HppObservationDocumentation operation, String transport,
			@Nullable String sessionId) {
		this.operation = operation;
		this.transport = transport;
		this.sessionId = sessionId;
	}

	/**
	 * The operation observed.
	 * @return the operation
	 */
	public HppObservationDocumentation getOperation() {
		return this.operation;
	}

	/**
	 * The transport of the operation.
	 * @return {@code http}, {@code websocket} or {@code internal}
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The id of the session the operation is about.
	 * @return the session's id, or {@code null} before a session exists
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * How the operation ended, {@code unknown} while it runs.
	 * @return the outcome
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Records how the operation ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
