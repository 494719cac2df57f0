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

import java.util.Locale;

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.EventHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.EventLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeEventObservationConvention}: {@code lime.event.delivery}, with
 * the event's type, source and outcome low-cardinality, its request id and SSE id
 * high-cardinality.
 */
public class DefaultLimeEventObservationConvention implements LimeEventObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.EVENT_DELIVERY.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeEventObservationContext context) {
		return KeyValues.of(EventLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()),
				EventLowCardinalityKeyNames.SOURCE.withValue(lowerCase(context.getSource())),
				EventLowCardinalityKeyNames.OUTCOME.withValue(lowerCase(context.getOutcome())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeEventObservationContext context) {
		String eventId = context.getEventId();
		return KeyValues.of(EventHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()),
				EventHighCardinalityKeyNames.EVENT_ID.withValue((eventId != null) ? eventId : "none"));
	}

	static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
