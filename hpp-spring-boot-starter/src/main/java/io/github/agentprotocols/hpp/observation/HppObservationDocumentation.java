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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Handshake Prompt Protocol: one per operation, each a timer with
 * Micrometer's default handler and a span with a tracing bridge.
 */
public enum HppObservationDocumentation implements ObservationDocumentation {

	/**
	 * {@code POST {prefix}/session}: a session created.
	 */
	SESSION_CREATE("hpp.session.create"),

	/**
	 * {@code GET {prefix}/context/{sid}}: the agent reads the session.
	 */
	CONTEXT("hpp.context"),

	/**
	 * {@code POST {prefix}/action/{sid}}: the agent's actions applied and their events
	 * queued, until the response is ready; their paced delivery is a {@link #DELIVERY} of
	 * its own.
	 */
	ACTION("hpp.action"),

	/**
	 * The paced delivery of one action batch's events, from its first event to its
	 * {@code done} event; a child of the {@link #ACTION} that queued it.
	 */
	DELIVERY("hpp.delivery"),

	/**
	 * {@code POST {prefix}/session/{sid}/extend}: the agent extends the session.
	 */
	EXTEND("hpp.extend"),

	/**
	 * A user edit, over HTTP ({@code POST {prefix}/notify/{sid}}) or as a
	 * {@code userEdit} message of a WebSocket connection.
	 */
	NOTIFY("hpp.notify"),

	/**
	 * A WebSocket connection's handshake: from the upgrade until the connection is
	 * accepted or refused, not its lifetime.
	 */
	WEBSOCKET_CONNECT("hpp.websocket.connect"),

	/**
	 * A message sent to the other instances through the shared store: a batch queued for
	 * paced delivery, or an event published to a session's channel. Carries the trace.
	 */
	RELAY_PUBLISH("hpp.relay.publish") {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRelayPublishObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RelayLowCardinalityKeyNames.values();
		}

	},

	/**
	 * A message received from the shared store: a batch to deliver, or an event handed to
	 * this instance's connections. Joins the trace of its sender.
	 */
	RELAY_RECEIVE("hpp.relay.receive") {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRelayReceiveObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RelayLowCardinalityKeyNames.values();
		}

	};

	private final String name;

	HppObservationDocumentation(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
		return DefaultHandshakeObservationConvention.class;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return HandshakeLowCardinalityKeyNames.values();
	}

	@Override
	public KeyName[] getHighCardinalityKeyNames() {
		return HighCardinalityKeyNames.values();
	}

	/**
	 * Low-cardinality keys of the protocol's operations.
	 */
	public enum HandshakeLowCardinalityKeyNames implements KeyName {

		/**
		 * How the operation ended: {@code success}, {@code invalid} (400, 413),
		 * {@code unauthenticated} (401), {@code rejected} (403: wrong token, a hook's or
		 * the origin's refusal), {@code not_found} (404: unknown or expired session),
		 * {@code rate_limited} (429), {@code unavailable} (503), {@code error} (anything
		 * else, with the exception as {@code error}) or {@code cancelled}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * How the operation reached the server: {@code http}, {@code websocket}, or
		 * {@code internal} for a delivery.
		 */
		TRANSPORT {

			@Override
			public String asString() {
				return "hpp.transport";
			}

		}

	}

	/**
	 * Low-cardinality keys of the messages relayed through the shared store.
	 */
	public enum RelayLowCardinalityKeyNames implements KeyName {

		/**
		 * What the message is: {@code batch} (a batch queued for paced delivery) or
		 * {@code event} (an event for the session's connections).
		 */
		MESSAGE {

			@Override
			public String asString() {
				return "hpp.relay.message";
			}

		}

	}

	/**
	 * High-cardinality keys of every observation.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The handshake session's id; absent before a session is created.
		 */
		SESSION_ID {

			@Override
			public String asString() {
				return "hpp.session.id";
			}

		}

	}

}
