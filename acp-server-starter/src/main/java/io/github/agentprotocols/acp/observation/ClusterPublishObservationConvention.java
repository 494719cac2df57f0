package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a cluster message sent.
 */
public interface ClusterPublishObservationConvention extends ObservationConvention<ClusterPublishObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ClusterPublishObservationContext;
	}

}
