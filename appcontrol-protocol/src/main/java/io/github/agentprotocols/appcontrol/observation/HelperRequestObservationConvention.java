package io.github.agentprotocols.appcontrol.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of the observation of a desktop helper round trip; implement it as a
 * bean to replace {@link DefaultHelperRequestObservationConvention}.
 */
public interface HelperRequestObservationConvention extends ObservationConvention<HelperRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof HelperRequestObservationContext;
	}

}
