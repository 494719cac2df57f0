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

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ClusterReceiveObservationConvention}: {@code acp.cluster.receive}.
 */
public class DefaultClusterReceiveObservationConvention implements ClusterReceiveObservationConvention {

	/** The shared instance. */
	public static final DefaultClusterReceiveObservationConvention INSTANCE = new DefaultClusterReceiveObservationConvention();

	@Override
	public String getName() {
		return "acp.cluster.receive";
	}

	@Override
	public String getContextualName(ClusterReceiveObservationContext context) {
		return "acp.cluster.receive";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClusterReceiveObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.CLUSTER_TRANSPORT.withValue(context.getTransport()),
				LowCardinalityKeyNames.MESSAGE_TYPE.withValue(context.getMessageType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClusterReceiveObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.CLUSTER_ORIGIN.withValue(context.getOrigin()))
			.and(Ids.of(HighCardinalityKeyNames.THREAD_ID, context.getThreadId()));
	}

}
