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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of LIME agent login: the calls to the LIME API, each login event from
 * its frame to the handlers, each handler run, the broadcast of each outcome to every
 * instance and each passport verification.
 */
public enum LimeObservationDocumentation implements ObservationDocumentation {

	/**
	 * Creating a login request at the LIME API, retries included.
	 */
	LOGIN_REQUEST {
		@Override
		public String getName() {
			return "lime.login.request";
		}
	},

	/**
	 * Reading the status of a login request at the LIME API, retries included.
	 */
	LOGIN_STATUS {
		@Override
		public String getName() {
			return "lime.login.status";
		}
	},

	/**
	 * Creating an Agent Binding request at the LIME API, retries included.
	 */
	BINDING_REQUEST {
		@Override
		public String getName() {
			return "lime.binding.request";
		}
	},

	/**
	 * Fetching the LIME JWKS, retries and reading the keys included.
	 */
	JWKS_FETCH {
		@Override
		public String getName() {
			return "lime.jwks.fetch";
		}
	},

	/**
	 * One login event, from its frame (or its finding by reconciliation, or in the events
	 * a previous reader left in flight) until every handler ran on it or it was set
	 * aside.
	 */
	EVENT_DELIVERY {
		@Override
		public String getName() {
			return "lime.event.delivery";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLimeEventObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return EventLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return EventHighCardinalityKeyNames.values();
		}
	},

	/**
	 * One login handler run on one event; a child of the event's observation.
	 */
	EVENT_HANDLER {
		@Override
		public String getName() {
			return "lime.event.handler";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLimeHandlerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return HandlerLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HandlerHighCardinalityKeyNames.values();
		}
	},

	/**
	 * Publishing a login outcome to every instance; its propagation fields travel in the
	 * message, so each instance's delivery of it joins the trace.
	 */
	BROADCAST {
		@Override
		public String getName() {
			return "lime.broadcast";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLimeBroadcastObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return BroadcastLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return BroadcastHighCardinalityKeyNames.values();
		}
	},

	/**
	 * One passport verification, fetching the JWKS included when its keys are needed.
	 */
	PASSPORT_VERIFICATION {
		@Override
		public String getName() {
			return "lime.passport.verification";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPassportVerificationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return PassportLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return PassportHighCardinalityKeyNames.values();
		}
	};

	/**
	 * The calls to the LIME API share one convention.
	 */
	@Override
	public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
		return DefaultLimeApiObservationConvention.class;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return ApiLowCardinalityKeyNames.values();
	}

	@Override
	public KeyName[] getHighCardinalityKeyNames() {
		return ApiHighCardinalityKeyNames.values();
	}

	/**
	 * Low-cardinality keys of the calls to the LIME API.
	 */
	public enum ApiLowCardinalityKeyNames implements KeyName {

		/** The HTTP status of the last attempt, or {@code none} when none answered. */
		STATUS("status"),

		/** {@code success} or {@code error}. */
		OUTCOME("outcome");

		private final String key;

		ApiLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of the calls to the LIME API.
	 */
	public enum ApiHighCardinalityKeyNames implements KeyName {

		/** The URL called. */
		URI("uri"),

		/** How many attempts were sent. */
		ATTEMPTS("lime.api.attempts");

		private final String key;

		ApiHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of login events.
	 */
	public enum EventLowCardinalityKeyNames implements KeyName {

		/** {@code approved} or {@code expired}. */
		EVENT_TYPE("lime.event.type"),

		/**
		 * {@code stream}, {@code reconciliation}, {@code recovery} or {@code broadcast}.
		 */
		SOURCE("lime.event.source"),

		/**
		 * {@code delivered}, {@code duplicate}, {@code claimed_elsewhere}, {@code failed}
		 * or {@code dropped}.
		 */
		OUTCOME("outcome");

		private final String key;

		EventLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of login events.
	 */
	public enum EventHighCardinalityKeyNames implements KeyName {

		/** The login request id. */
		REQUEST_ID("lime.request.id"),

		/** The SSE id of the frame, or {@code none}. */
		EVENT_ID("lime.event.id");

		private final String key;

		EventHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of handler runs.
	 */
	public enum HandlerLowCardinalityKeyNames implements KeyName {

		/** {@code approved} or {@code expired}. */
		EVENT_TYPE("lime.event.type"),

		/** {@code success}, {@code error} or {@code timeout}. */
		OUTCOME("outcome");

		private final String key;

		HandlerLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of handler runs.
	 */
	public enum HandlerHighCardinalityKeyNames implements KeyName {

		/** The login request id. */
		REQUEST_ID("lime.request.id"),

		/** The handler's {@code toString()}. */
		HANDLER("lime.handler");

		private final String key;

		HandlerHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of broadcasts.
	 */
	public enum BroadcastLowCardinalityKeyNames implements KeyName {

		/** {@code approved} or {@code expired}. */
		EVENT_TYPE("lime.event.type");

		private final String key;

		BroadcastLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of broadcasts.
	 */
	public enum BroadcastHighCardinalityKeyNames implements KeyName {

		/** The login request id. */
		REQUEST_ID("lime.request.id");

		private final String key;

		BroadcastHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of passport verifications.
	 */
	public enum PassportLowCardinalityKeyNames implements KeyName {

		/** {@code login} or {@code binding}. */
		KIND("lime.passport.kind"),

		/** The {@link PassportOutcome}, in lower case. */
		OUTCOME("outcome");

		private final String key;

		PassportLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of passport verifications.
	 */
	public enum PassportHighCardinalityKeyNames implements KeyName {

		/** The request id or binding id the passport must carry, or {@code none}. */
		EXPECTED_ID("lime.passport.expected.id");

		private final String key;

		PassportHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
