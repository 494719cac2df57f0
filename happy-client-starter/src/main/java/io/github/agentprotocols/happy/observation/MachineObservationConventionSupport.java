package io.github.agentprotocols.happy.observation;

import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The key values that the default conventions of spawns and tasks share.
 */
final class MachineObservationConventionSupport {

	private MachineObservationConventionSupport() {
	}

	static KeyValues lowCardinality(MachineObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.AGENT.withValue(context.getAgent()),
				LowCardinalityKeyNames.OUTCOME.withValue(OutcomeObservationContext.outcomeOrUnknown(context)));
	}

	static KeyValues highCardinality(MachineObservationContext context) {
		KeyValues values = KeyValues.of(HighCardinalityKeyNames.MACHINE_ID.withValue(context.getMachineId()));
		String sessionId = context.getSessionId();
		return (sessionId != null) ? values.and(HighCardinalityKeyNames.SESSION_ID.withValue(sessionId)) : values;
	}

}
