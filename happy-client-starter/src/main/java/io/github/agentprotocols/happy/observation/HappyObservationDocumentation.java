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

package io.github.agentprotocols.happy.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Happy client. Names and key values come from the default
 * conventions; a convention bean replaces them.
 */
public enum HappyObservationDocumentation implements ObservationDocumentation {

	/**
	 * A REST call to the Happy server, from its request to its answer read; carries the
	 * trace in the request's headers.
	 */
	REST(DefaultRestObservationConvention.class,
			new KeyName[] { LowCardinalityKeyNames.METHOD, LowCardinalityKeyNames.URI, LowCardinalityKeyNames.STATUS,
					LowCardinalityKeyNames.OUTCOME },
			new KeyName[] { HighCardinalityKeyNames.RESOURCE_ID }),

	/**
	 * An RPC through the server's socket to a daemon or an agent, from its emit to its
	 * acknowledgement.
	 */
	RPC(DefaultRpcObservationConvention.class,
			new KeyName[] { LowCardinalityKeyNames.METHOD, LowCardinalityKeyNames.OUTCOME },
			new KeyName[] { HighCardinalityKeyNames.RPC_SCOPE }),

	/**
	 * A session spawned on a machine: its daemon's RPC and the wait for the new agent to
	 * connect.
	 */
	SPAWN(DefaultSpawnObservationConvention.class,
			new KeyName[] { LowCardinalityKeyNames.AGENT, LowCardinalityKeyNames.OUTCOME },
			new KeyName[] { HighCardinalityKeyNames.MACHINE_ID, HighCardinalityKeyNames.SESSION_ID }),

	/**
	 * A turn of an agent: a prompt sent and the wait for the turn that answers it to
	 * complete.
	 */
	TURN(DefaultTurnObservationConvention.class, new KeyName[] { LowCardinalityKeyNames.OUTCOME },
			new KeyName[] { HighCardinalityKeyNames.SESSION_ID }),

	/**
	 * A task ({@code runTask}): spawn, turn and stop, the parent of their observations.
	 */
	TASK(DefaultTaskObservationConvention.class,
			new KeyName[] { LowCardinalityKeyNames.AGENT, LowCardinalityKeyNames.OUTCOME },
			new KeyName[] { HighCardinalityKeyNames.MACHINE_ID, HighCardinalityKeyNames.SESSION_ID });

	private final Class<? extends ObservationConvention<? extends Observation.Context>> defaultConvention;

	private final KeyName[] lowCardinalityKeyNames;

	private final KeyName[] highCardinalityKeyNames;

	HappyObservationDocumentation(
			Class<? extends ObservationConvention<? extends Observation.Context>> defaultConvention,
			KeyName[] lowCardinalityKeyNames, KeyName[] highCardinalityKeyNames) {
		this.defaultConvention = defaultConvention;
		this.lowCardinalityKeyNames = lowCardinalityKeyNames;
		this.highCardinalityKeyNames = highCardinalityKeyNames;
	}

	@Override
	public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
		return this.defaultConvention;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return this.lowCardinalityKeyNames.clone();
	}

	@Override
	public KeyName[] getHighCardinalityKeyNames() {
		return this.highCardinalityKeyNames.clone();
	}

	/**
	 * The low-cardinality keys, each from a small fixed set of values.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * REST: the HTTP method; RPC: the method's name without its scope, e.g.
		 * {@code spawn-happy-session}.
		 */
		METHOD("method"),

		/** REST: the route template, e.g. {@code /v3/sessions/{id}/messages}. */
		URI("uri"),

		/** REST: the status code, {@code NONE} without an answer. */
		STATUS("status"),

		/**
		 * REST: the status series ({@code SUCCESS}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR}, {@code REDIRECTION}, {@code INFORMATIONAL}, or
		 * {@code UNKNOWN} without an answer). Others: {@code ok}, {@code offline},
		 * {@code refused} (RPC), {@code timeout}, {@code disconnected}, {@code error} or
		 * {@code cancelled}.
		 */
		OUTCOME("outcome"),

		/** Spawn and task: the agent, e.g. {@code claude}. */
		AGENT("happy.agent");

		private final String name;

		LowCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

	/**
	 * The high-cardinality keys: ids.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** REST: the {@code {id}} of the route, a session or machine id, if any. */
		RESOURCE_ID("happy.rest.resource.id"),

		/** RPC: the method's scope, the machine id or session id it is registered for. */
		RPC_SCOPE("happy.rpc.scope"),

		/** Spawn and task: the machine. */
		MACHINE_ID("happy.machine.id"),

		/** Spawn, turn and task: the session, once known. */
		SESSION_ID("happy.session.id");

		private final String name;

		HighCardinalityKeyNames(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
