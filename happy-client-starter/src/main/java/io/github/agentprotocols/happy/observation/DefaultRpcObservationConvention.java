package io.github.agentprotocols.happy.observation;

import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RpcObservationConvention}: the observation {@code happy.rpc.call},
 * named {@code rpc <method>} in traces.
 */
public class DefaultRpcObservationConvention implements RpcObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.rpc.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RpcObservationContext context) {
		return "rpc " + context.getMethodName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getMethodName()),
				LowCardinalityKeyNames.OUTCOME.withValue(OutcomeObservationContext.outcomeOrUnknown(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RpcObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.RPC_SCOPE.withValue(context.getScope()));
	}

}
