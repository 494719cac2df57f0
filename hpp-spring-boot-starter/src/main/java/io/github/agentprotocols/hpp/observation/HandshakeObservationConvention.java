package io.github.agentprotocols.hpp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the observations of protocol operations. A bean of this type is used
 * for every operation whose context it {@linkplain #supportsContext supports}; the others
 * keep their {@link DefaultHandshakeObservationConvention}.
 */
public interface HandshakeObservationConvention extends ObservationConvention<HandshakeObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof HandshakeObservationContext;
	}

}
