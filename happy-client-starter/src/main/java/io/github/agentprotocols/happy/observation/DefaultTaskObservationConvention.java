package io.github.agentprotocols.happy.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link TaskObservationConvention}: the observation {@code happy.task}.
 */
public class DefaultTaskObservationConvention implements TaskObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.task";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TaskObservationContext context) {
		return MachineObservationConventionSupport.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TaskObservationContext context) {
		return MachineObservationConventionSupport.highCardinality(context);
	}

}
