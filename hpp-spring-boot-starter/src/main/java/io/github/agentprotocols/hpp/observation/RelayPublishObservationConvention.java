package io.github.agentprotocols.hpp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Name and keys of the observations of messages publishd through the shared store. A bean
 * of this type replaces {@link DefaultRelayPublishObservationConvention}.
 */
public interface RelayPublishObservationConvention extends ObservationConvention<RelayPublishContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RelayPublishContext;
	}

}
