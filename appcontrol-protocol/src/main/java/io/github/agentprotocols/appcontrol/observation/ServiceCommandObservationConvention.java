package io.github.agentprotocols.appcontrol.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of the observation of a command the local service host runs;
 * implement it as a bean to replace {@link DefaultServiceCommandObservationConvention}.
 */
public interface ServiceCommandObservationConvention extends ObservationConvention<ServiceCommandObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ServiceCommandObservationContext;
	}

}
