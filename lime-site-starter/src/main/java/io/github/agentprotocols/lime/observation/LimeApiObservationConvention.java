package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observations of the calls to the LIME API; declare a bean of this
 * type to replace {@link DefaultLimeApiObservationConvention}.
 */
public interface LimeApiObservationConvention extends ObservationConvention<LimeApiObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LimeApiObservationContext;
	}

}
