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

package io.github.agentprotocols.acp.cluster;

import io.github.agentprotocols.acp.engine.BroadcastObservations;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.ClusterPublishObservationContext;
import io.github.agentprotocols.acp.observation.ClusterPublishObservationConvention;
import io.github.agentprotocols.acp.observation.ClusterReceiveObservationContext;
import io.github.agentprotocols.acp.observation.ClusterReceiveObservationConvention;
import io.github.agentprotocols.acp.observation.DefaultClusterPublishObservationConvention;
import io.github.agentprotocols.acp.observation.DefaultClusterReceiveObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * How the cluster relay observes the messages it sends and receives, and the delivery of
 * the broadcasts it receives.
 *
 * @param registry the registry
 * @param publishConvention the convention of messages sent, or {@code null} for the
 * default one
 * @param receiveConvention the convention of messages received, or {@code null} for the
 * default one
 * @param broadcasts the observations of deliveries
 */
public record ClusterObservations(ObservationRegistry registry,
		@Nullable ClusterPublishObservationConvention publishConvention,
		@Nullable ClusterReceiveObservationConvention receiveConvention, BroadcastObservations broadcasts) {

	/** Observes nothing. */
	public static final ClusterObservations NONE = new ClusterObservations(ObservationRegistry.NOOP, null, null,
			BroadcastObservations.NONE);

	Observation publish(ClusterPublishObservationContext context, @Nullable Observation parent) {
		return AcpObservationDocumentation.CLUSTER_PUBLISH
			.observation(this.publishConvention, DefaultClusterPublishObservationConvention.INSTANCE, () -> context,
					this.registry)
			.parentObservation(parent);
	}

	Observation receive(ClusterReceiveObservationContext context) {
		return AcpObservationDocumentation.CLUSTER_RECEIVE.observation(this.receiveConvention,
				DefaultClusterReceiveObservationConvention.INSTANCE, () -> context, this.registry);
	}

}
