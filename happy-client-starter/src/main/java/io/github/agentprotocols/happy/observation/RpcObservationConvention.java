package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and key values of the observation of an RPC; a bean of this type replaces
 * {@link DefaultRpcObservationConvention}.
 */
public interface RpcObservationConvention extends ObservationConvention<RpcObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RpcObservationContext;
	}

}
