package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a REST operation.
 */
public interface RestObservationConvention extends ObservationConvention<RestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RestObservationContext;
	}

}
