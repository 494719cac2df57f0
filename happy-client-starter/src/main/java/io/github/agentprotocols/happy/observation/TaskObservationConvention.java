package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and key values of the observation of a task; a bean of this type replaces
 * {@link DefaultTaskObservationConvention}.
 */
public interface TaskObservationConvention extends ObservationConvention<TaskObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TaskObservationContext;
	}

}
