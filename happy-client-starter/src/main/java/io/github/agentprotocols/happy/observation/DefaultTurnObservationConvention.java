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

import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link TurnObservationConvention}: the observation {@code happy.turn}.
 */
public class DefaultTurnObservationConvention implements TurnObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.turn";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TurnObservationContext context) {
		return KeyValues
			.of(LowCardinalityKeyNames.OUTCOME.withValue(OutcomeObservationContext.outcomeOrUnknown(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TurnObservationContext context) {
		String sessionId = context.getSessionId();
		return (sessionId != null) ? KeyValues.of(HighCardinalityKeyNames.SESSION_ID.withValue(sessionId))
				: KeyValues.empty();
	}

}
