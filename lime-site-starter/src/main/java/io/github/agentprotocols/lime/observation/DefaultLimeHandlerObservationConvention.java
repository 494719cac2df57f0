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

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.HandlerHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.HandlerLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeHandlerObservationConvention}: {@code lime.event.handler}, with
 * the event's type and the handler's outcome low-cardinality, the request id and the
 * handler high-cardinality.
 */
public class DefaultLimeHandlerObservationConvention implements LimeHandlerObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.EVENT_HANDLER.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeHandlerObservationContext context) {
		return KeyValues.of(HandlerLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()),
				HandlerLowCardinalityKeyNames.OUTCOME
					.withValue(DefaultLimeEventObservationConvention.lowerCase(context.getOutcome())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeHandlerObservationContext context) {
		return KeyValues.of(HandlerHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()),
				HandlerHighCardinalityKeyNames.HANDLER.withValue(context.getHandler()));
	}

}
