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

package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;

/**
 * The context of one login handler run on one event, on a handler thread; its parent is
 * the event's observation, and it is the current observation while the handler runs, so
 * whatever the handler observes joins the event's trace.
 */
public class LimeHandlerObservationContext extends Observation.Context {

	private final String type;

	private final String requestId;

	private final String handler;

	private Outcome outcome = Outcome.SUCCESS;

	/**
	 * Create a context.
	 * @param type the event's type, {@code approved} or {@code expired}
	 * @param requestId the login request id
	 * @param handler the handler's description
	 */
	public LimeHandlerObservationContext(String type, String requestId, String handler) {
		this.type = type;
		this.requestId = requestId;
		this.handler = handler;
	}

	/**
	 * Return the event's type.
	 * @return {@code approved} or {@code expired}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the login request id.
	 * @return the request id
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return the handler's description (its {@code toString()}).
	 * @return the handler
	 */
	public String getHandler() {
		return this.handler;
	}

	/**
	 * Return how the handler ended; {@link Outcome#SUCCESS} until set otherwise.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the handler ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * How a handler ended.
	 */
	public enum Outcome {

		/** It returned. */
		SUCCESS,

		/** It threw. */
		ERROR,

		/** It ran out of time and was interrupted. */
		TIMEOUT

	}

}
