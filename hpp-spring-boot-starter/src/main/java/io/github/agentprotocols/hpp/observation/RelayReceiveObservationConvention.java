package io.github.agentprotocols.hpp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Name and keys of the observations of messages received through the shared store. A bean
 * of this type replaces {@link DefaultRelayReceiveObservationConvention}.
 */
public interface RelayReceiveObservationConvention extends ObservationConvention<RelayReceiveContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RelayReceiveContext;
	}

}
