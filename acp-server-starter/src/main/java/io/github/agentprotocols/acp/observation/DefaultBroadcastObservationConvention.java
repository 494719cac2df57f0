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

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link BroadcastObservationConvention}: {@code acp.broadcast}, its span
 * named {@code acp.broadcast <type>}.
 */
public class DefaultBroadcastObservationConvention implements BroadcastObservationConvention {

	/** The shared instance. */
	public static final DefaultBroadcastObservationConvention INSTANCE = new DefaultBroadcastObservationConvention();

	@Override
	public String getName() {
		return "acp.broadcast";
	}

	@Override
	public String getContextualName(BroadcastObservationContext context) {
		return "acp.broadcast " + context.getBroadcastType();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BroadcastObservationContext context) {
		AcpBroadcast broadcast = context.getBroadcast();
		String eventType = (broadcast instanceof AcpBroadcast.EventAppended appended)
				? appended.event().type().wireName() : "none";
		return KeyValues.of(LowCardinalityKeyNames.BROADCAST_TYPE.withValue(context.getBroadcastType()),
				LowCardinalityKeyNames.BROADCAST_ORIGIN.withValue(context.isRemote() ? "remote" : "local"),
				LowCardinalityKeyNames.EVENT_TYPE.withValue(eventType));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BroadcastObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(context.getBroadcast().threadId()));
	}

}
