package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and key values of the observation of a spawn; a bean of this type replaces
 * {@link DefaultSpawnObservationConvention}.
 */
public interface SpawnObservationConvention extends ObservationConvention<SpawnObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SpawnObservationContext;
	}

}
