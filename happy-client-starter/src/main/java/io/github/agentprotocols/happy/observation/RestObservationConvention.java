package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and key values of the observation of a REST call; a bean of this type replaces
 * {@link DefaultRestObservationConvention}.
 */
public interface RestObservationConvention extends ObservationConvention<RestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RestObservationContext;
	}

}
