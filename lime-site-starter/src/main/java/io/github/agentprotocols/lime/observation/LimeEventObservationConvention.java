package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observations of login events; declare a bean of this type to
 * replace {@link DefaultLimeEventObservationConvention}.
 */
public interface LimeEventObservationConvention extends ObservationConvention<LimeEventObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LimeEventObservationContext;
	}

}
