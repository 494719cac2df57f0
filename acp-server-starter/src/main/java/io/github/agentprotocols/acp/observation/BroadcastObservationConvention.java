package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a broadcast's delivery.
 */
public interface BroadcastObservationConvention extends ObservationConvention<BroadcastObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof BroadcastObservationContext;
	}

}
