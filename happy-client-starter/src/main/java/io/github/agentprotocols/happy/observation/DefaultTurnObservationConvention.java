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
