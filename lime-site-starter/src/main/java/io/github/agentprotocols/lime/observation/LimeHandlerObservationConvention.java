package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observations of login handler runs; declare a bean of this type
 * to replace {@link DefaultLimeHandlerObservationConvention}.
 */
public interface LimeHandlerObservationConvention extends ObservationConvention<LimeHandlerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LimeHandlerObservationContext;
	}

}
