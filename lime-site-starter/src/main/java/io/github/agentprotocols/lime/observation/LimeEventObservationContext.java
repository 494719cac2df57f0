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

import java.util.Map;

import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of one login event, from its frame on the LIME stream (or its finding by
 * reconciliation or in the events a previous reader left in flight, or its broadcast)
 * until every handler ran on it or it was set aside. The carrier holds the propagation
 * fields the event came with: LIME's frames carry none, so each event read from the
 * stream starts a trace, which its handlers join; a broadcast outcome carries the trace
 * of its broadcast.
 */
public class LimeEventObservationContext extends ReceiverContext<Map<String, String>> {

	private final String type;

	private final String requestId;

	private final @Nullable String eventId;

	private final Source source;

	private Outcome outcome = Outcome.DELIVERED;

	/**
	 * Create a context.
	 * @param type the event's type, {@code approved} or {@code expired}
	 * @param requestId the login request id
	 * @param eventId the SSE id of the frame, if any
	 * @param source where the event came from
	 * @param propagation the propagation fields the event carries
	 */
	public LimeEventObservationContext(String type, String requestId, @Nullable String eventId, Source source,
			Map<String, String> propagation) {
		super((carrier, key) -> carrier.get(key));
		this.type = type;
		this.requestId = requestId;
		this.eventId = eventId;
		this.source = source;
		setCarrier(propagation);
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
	 * Return the SSE id of the event's frame.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getEventId() {
		return this.eventId;
	}

	/**
	 * Return where the event came from.
	 * @return the source
	 */
	public Source getSource() {
		return this.source;
	}

	/**
	 * Return what became of the event; {@link Outcome#DELIVERED} until set otherwise.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set what became of the event.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * Where an event came from.
	 */
	public enum Source {

		/** A frame of the event stream. */
		STREAM,

		/** A pending request found expired after a reconnect. */
		RECONCILIATION,

		/**
		 * An event a previous reader took on and did not finish, found in the shared
		 * event log by the next reader.
		 */
		RECOVERY,

		/** An outcome broadcast by the instance reading the stream. */
		BROADCAST

	}

	/**
	 * What became of an event.
	 */
	public enum Outcome {

		/** Every handler ran on it. */
		DELIVERED,

		/** It was delivered recently and was skipped. */
		DUPLICATE,

		/** Another instance claimed it in the shared event log. */
		CLAIMED_ELSEWHERE,

		/** It could not be claimed in the shared event log. */
		FAILED,

		/** The dispatcher stopped before its handlers ran. */
		DROPPED

	}

}
