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

package io.github.agentprotocols.appcontrol.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of app-control, their names and their keys.
 */
public enum AppControlObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request the local service host answers, on HTTP or its Unix socket: from its
	 * arrival to its last envelope, refusals included.
	 */
	SERVICE_REQUEST {

		@Override
		public String getName() {
			return DefaultServiceRequestObservationConvention.NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultServiceRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.TRANSPORT, LowCardinalityKeyNames.ACTION,
					LowCardinalityKeyNames.RESPONSE_STATUS, LowCardinalityKeyNames.FAILURE_KIND };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * A command the local service host runs on its client ({@code run}, {@code submit},
	 * {@code stream}): from its start on the host's threads to its final observation.
	 */
	SERVICE_COMMAND {

		@Override
		public String getName() {
			return DefaultServiceCommandObservationConvention.NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultServiceCommandObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.ACTION, LowCardinalityKeyNames.COMMAND_STATUS };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * A request a service host client sends ({@code HttpAppControlClient},
	 * {@code UnixSocketAppControlClient}): from sending it to the host's last envelope.
	 */
	CLIENT_REQUEST {

		@Override
		public String getName() {
			return DefaultClientRequestObservationConvention.NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultClientRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.TRANSPORT, LowCardinalityKeyNames.ACTION,
					LowCardinalityKeyNames.RESPONSE_STATUS, LowCardinalityKeyNames.COMMAND_STATUS };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * A round trip to a desktop helper ({@code HelperAppControlClient}): one
	 * {@code helper.request.v1} out, one reply in.
	 */
	HELPER_REQUEST {

		@Override
		public String getName() {
			return DefaultHelperRequestObservationConvention.NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultHelperRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.COMMAND_STATUS };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.COMMAND_ID, HighCardinalityKeyNames.TOOL,
					HighCardinalityKeyNames.OPERATION };
		}

	};

	/**
	 * Keys with a small, fixed set of values.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * {@code http} or {@code unix_socket}.
		 */
		TRANSPORT {
			@Override
			public String asString() {
				return "appcontrol.transport";
			}
		},

		/**
		 * The request's action: {@code run}, {@code submit}, {@code poll} or
		 * {@code stream}; {@code unknown} for a request refused before it was read.
		 */
		ACTION {
			@Override
			public String asString() {
				return "appcontrol.action";
			}
		},

		/**
		 * The status of the host's (last) {@code service.response.v1} envelope:
		 * {@code complete}, {@code not_found} or {@code failed}; {@code none} without
		 * one.
		 */
		RESPONSE_STATUS {
			@Override
			public String asString() {
				return "appcontrol.response.status";
			}
		},

		/**
		 * The {@code error.failureKind} of a refusal, such as {@code invalid_request},
		 * {@code busy}, {@code client_not_allowed} or {@code rate_limited}; {@code none}
		 * otherwise.
		 */
		FAILURE_KIND {
			@Override
			public String asString() {
				return "appcontrol.failure.kind";
			}
		},

		/**
		 * The status of the command's final observation, such as {@code ok},
		 * {@code failed} or {@code timeout}; {@code none} without one.
		 */
		COMMAND_STATUS {
			@Override
			public String asString() {
				return "appcontrol.command.status";
			}
		}

	}

	/**
	 * Keys with values of their own per request or command.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The request id, when the request has one or the host chose one.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "appcontrol.request.id";
			}
		},

		/**
		 * The command's {@code commandId}.
		 */
		COMMAND_ID {
			@Override
			public String asString() {
				return "appcontrol.command.id";
			}
		},

		/**
		 * The command's {@code tool}: chosen by the caller, so not bounded.
		 */
		TOOL {
			@Override
			public String asString() {
				return "appcontrol.tool";
			}
		},

		/**
		 * The command's {@code operation}: chosen by the caller, so not bounded.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "appcontrol.operation";
			}
		}

	}

}
