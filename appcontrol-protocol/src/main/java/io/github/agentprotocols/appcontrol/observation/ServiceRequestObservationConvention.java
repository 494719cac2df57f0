package io.github.agentprotocols.appcontrol.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of the observation of a request the local service host answers;
 * implement it as a bean to replace {@link DefaultServiceRequestObservationConvention}.
 */
public interface ServiceRequestObservationConvention extends ObservationConvention<ServiceRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ServiceRequestObservationContext;
	}

}
