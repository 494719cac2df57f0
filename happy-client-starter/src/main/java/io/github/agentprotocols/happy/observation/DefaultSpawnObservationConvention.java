package io.github.agentprotocols.happy.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link SpawnObservationConvention}: the observation {@code happy.spawn}.
 */
public class DefaultSpawnObservationConvention implements SpawnObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.spawn";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SpawnObservationContext context) {
		return MachineObservationConventionSupport.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SpawnObservationContext context) {
		return MachineObservationConventionSupport.highCardinality(context);
	}

}
