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
 * The default {@link ClusterPublishObservationConvention}: {@code acp.cluster.publish}.
 */
public class DefaultClusterPublishObservationConvention implements ClusterPublishObservationConvention {

	/** The shared instance. */
	public static final DefaultClusterPublishObservationConvention INSTANCE = new DefaultClusterPublishObservationConvention();

	@Override
	public String getName() {
		return "acp.cluster.publish";
	}

	@Override
	public String getContextualName(ClusterPublishObservationContext context) {
		return "acp.cluster.publish";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClusterPublishObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.CLUSTER_TRANSPORT.withValue(context.getTransport()),
				LowCardinalityKeyNames.MESSAGE_TYPE.withValue(context.getMessageType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClusterPublishObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(context.getThreadId()),
				HighCardinalityKeyNames.CLUSTER_ORIGIN.withValue(context.getOrigin()));
	}

}
