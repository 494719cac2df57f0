package io.github.agentprotocols.hpp.observation;

import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.RelayLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RelayReceiveObservationConvention}: {@code hpp.relay.receive} with
 * {@code hpp.relay.message} and {@code hpp.session.id}.
 */
public class DefaultRelayReceiveObservationConvention implements RelayReceiveObservationConvention {

	@Override
	public String getName() {
		return HppObservationDocumentation.RELAY_RECEIVE.getName();
	}

	@Override
	public String getContextualName(RelayReceiveContext context) {
		return "hpp relay receive " + context.getMessage();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RelayReceiveContext context) {
		return KeyValues.of(RelayLowCardinalityKeyNames.MESSAGE.withValue(context.getMessage()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RelayReceiveContext context) {
		return KeyValues.of(HighCardinalityKeyNames.SESSION_ID.withValue(context.getSessionId()));
	}

}
