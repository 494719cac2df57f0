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

package io.github.agentprotocols.acp.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the x64acp starter: REST operations, Socket.IO events, runs and
 * their handlers, broadcasts, and the cluster relay's messages.
 */
public enum AcpObservationDocumentation implements ObservationDocumentation {

	/**
	 * One REST operation, nested in the HTTP server's observation of the request.
	 */
	REST_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION, LowCardinalityKeyNames.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID, HighCardinalityKeyNames.RUN_ID };
		}

	},

	/**
	 * One client-to-server Socket.IO event, or a namespace connect (event
	 * {@code connect}), until it is acknowledged.
	 */
	SOCKETIO_EVENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSocketIoEventObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.SOCKETIO_EVENT, LowCardinalityKeyNames.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.NAMESPACE, HighCardinalityKeyNames.THREAD_ID,
					HighCardinalityKeyNames.RUN_ID };
		}

	},

	/**
	 * One run on this instance, from queued to its end.
	 */
	RUN {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.ASSISTANT_ID, LowCardinalityKeyNames.RUN_STATUS,
					LowCardinalityKeyNames.RUN_ERROR_CODE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID, HighCardinalityKeyNames.RUN_ID };
		}

	},

	/**
	 * A run's handler, from its subscription until it completes, fails or is stopped, its
	 * events persisted and broadcast; a child of the run's observation.
	 */
	RUN_HANDLER {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRunHandlerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.ASSISTANT_ID, LowCardinalityKeyNames.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID, HighCardinalityKeyNames.RUN_ID };
		}

	},

	/**
	 * The delivery of one broadcast to this instance's listeners (the Socket.IO rooms,
	 * the cluster relay, the meters), for a write of this instance or one relayed from
	 * another.
	 */
	BROADCAST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBroadcastObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.BROADCAST_TYPE, LowCardinalityKeyNames.BROADCAST_ORIGIN,
					LowCardinalityKeyNames.EVENT_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID };
		}

	},

	/**
	 * The cluster relay sending one broadcast to the other instances; the message carries
	 * the trace.
	 */
	CLUSTER_PUBLISH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultClusterPublishObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.CLUSTER_TRANSPORT, LowCardinalityKeyNames.MESSAGE_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID, HighCardinalityKeyNames.CLUSTER_ORIGIN };
		}

	},

	/**
	 * The cluster relay receiving one broadcast of another instance and delivering it; it
	 * continues the trace the message carries.
	 */
	CLUSTER_RECEIVE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultClusterReceiveObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.CLUSTER_TRANSPORT, LowCardinalityKeyNames.MESSAGE_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.THREAD_ID, HighCardinalityKeyNames.CLUSTER_ORIGIN };
		}

	};

	/**
	 * The keys whose values come from small fixed sets.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The REST operation, such as {@code threads.create} or {@code runs.create}. */
		OPERATION {
			@Override
			public String asString() {
				return "acp.operation";
			}
		},

		/**
		 * {@code ok}, {@code unavailable} (the store unreachable) or the error code of
		 * the refusal; for a run's handler how it ended: {@code completed},
		 * {@code cancelled}, {@code abandoned} or the failure code.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The Socket.IO event, such as {@code thread:join}; {@code connect}. */
		SOCKETIO_EVENT {
			@Override
			public String asString() {
				return "acp.socketio.event";
			}
		},

		/** The id of a registered assistant. */
		ASSISTANT_ID {
			@Override
			public String asString() {
				return "acp.assistant.id";
			}
		},

		/**
		 * The run's terminal status, {@code completed}, {@code failed} or
		 * {@code cancelled}; {@code none} when it ended without one here.
		 */
		RUN_STATUS {
			@Override
			public String asString() {
				return "acp.run.status";
			}
		},

		/** The failure code of a failed run, else {@code none}. */
		RUN_ERROR_CODE {
			@Override
			public String asString() {
				return "acp.run.error.code";
			}
		},

		/**
		 * The Socket.IO event the broadcast becomes: {@code event},
		 * {@code thread:updated}, {@code members:updated}, {@code run:updated} or
		 * {@code thread:removed}.
		 */
		BROADCAST_TYPE {
			@Override
			public String asString() {
				return "acp.broadcast.type";
			}
		},

		/**
		 * {@code local} for a write of this instance, {@code remote} for a relayed one.
		 */
		BROADCAST_ORIGIN {
			@Override
			public String asString() {
				return "acp.broadcast.origin";
			}
		},

		/** The type of an appended event, such as {@code message}, else {@code none}. */
		EVENT_TYPE {
			@Override
			public String asString() {
				return "acp.event.type";
			}
		},

		/** The cluster transport: {@code postgres} or {@code redis}. */
		CLUSTER_TRANSPORT {
			@Override
			public String asString() {
				return "acp.cluster.transport";
			}
		},

		/**
		 * The cluster message's type: {@code event}, {@code thread}, {@code members},
		 * {@code run} or {@code removed}.
		 */
		MESSAGE_TYPE {
			@Override
			public String asString() {
				return "acp.cluster.message.type";
			}
		}

	}

	/**
	 * The keys whose values are ids.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The thread's id. */
		THREAD_ID {
			@Override
			public String asString() {
				return "acp.thread.id";
			}
		},

		/**
		 * The run's id; several comma-separated for an invocation of several assistants.
		 */
		RUN_ID {
			@Override
			public String asString() {
				return "acp.run.id";
			}
		},

		/** The Socket.IO namespace. */
		NAMESPACE {
			@Override
			public String asString() {
				return "acp.socketio.namespace";
			}
		},

		/** The id of the instance that sent a cluster message. */
		CLUSTER_ORIGIN {
			@Override
			public String asString() {
				return "acp.cluster.origin";
			}
		}

	}

}
