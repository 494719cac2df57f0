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

package io.github.agentprotocols.acp.engine;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.BroadcastObservationContext;
import io.github.agentprotocols.acp.observation.BroadcastObservationConvention;
import io.github.agentprotocols.acp.observation.DefaultBroadcastObservationConvention;
import io.github.agentprotocols.commons.Internal;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes the delivery of broadcasts to listeners, the observation in scope while they
 * are called, so that a listener that hands work on (the cluster relay) can take it as
 * the parent.
 *
 * @param registry the registry
 * @param convention the convention, or {@code null} for the default one
 */
@Internal
public record BroadcastObservations(ObservationRegistry registry, @Nullable BroadcastObservationConvention convention) {

	/** Observes nothing. */
	public static final BroadcastObservations NONE = new BroadcastObservations(ObservationRegistry.NOOP, null);

	/**
	 * Delivers a broadcast within its observation.
	 * @param broadcast the broadcast
	 * @param remote whether another instance committed it
	 * @param parent the parent observation, or {@code null}
	 * @param delivery calls the listeners
	 */
	public void deliver(AcpBroadcast broadcast, boolean remote, @Nullable Observation parent, Runnable delivery) {
		AcpObservationDocumentation.BROADCAST
			.observation(this.convention, DefaultBroadcastObservationConvention.INSTANCE,
					() -> new BroadcastObservationContext(broadcast, remote), this.registry)
			.parentObservation(parent)
			.observe(delivery);
	}

}
