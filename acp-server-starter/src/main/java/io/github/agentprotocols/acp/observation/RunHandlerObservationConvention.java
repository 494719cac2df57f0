package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a run's handler.
 */
public interface RunHandlerObservationConvention extends ObservationConvention<RunHandlerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RunHandlerObservationContext;
	}

}
