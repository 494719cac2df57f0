package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a cluster message received.
 */
public interface ClusterReceiveObservationConvention extends ObservationConvention<ClusterReceiveObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ClusterReceiveObservationContext;
	}

}
