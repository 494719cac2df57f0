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

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.BroadcastHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.BroadcastLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeBroadcastObservationConvention}: {@code lime.broadcast}, with
 * the outcome's type low-cardinality and its request id high-cardinality.
 */
public class DefaultLimeBroadcastObservationConvention implements LimeBroadcastObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.BROADCAST.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeBroadcastObservationContext context) {
		return KeyValues.of(BroadcastLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeBroadcastObservationContext context) {
		return KeyValues.of(BroadcastHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()));
	}

}
