package io.github.agentprotocols.lime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the observations of passport verifications; declare a bean of this
 * type to replace {@link DefaultPassportVerificationObservationConvention}.
 */
public interface PassportVerificationObservationConvention
		extends ObservationConvention<PassportVerificationObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PassportVerificationObservationContext;
	}

}
