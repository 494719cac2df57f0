package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observations of broadcasts; declare a bean of this type to
 * replace {@link DefaultLimeBroadcastObservationConvention}.
 */
public interface LimeBroadcastObservationConvention extends ObservationConvention<LimeBroadcastObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LimeBroadcastObservationContext;
	}

}
