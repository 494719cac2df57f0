package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and key values of the observation of an agent's turn; a bean of this type
 * replaces {@link DefaultTurnObservationConvention}.
 */
public interface TurnObservationConvention extends ObservationConvention<TurnObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TurnObservationContext;
	}

}
