package io.github.agentprotocols.hpp.observation;

import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.RelayLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RelayPublishObservationConvention}: {@code hpp.relay.publish} with
 * {@code hpp.relay.message} and {@code hpp.session.id}.
 */
public class DefaultRelayPublishObservationConvention implements RelayPublishObservationConvention {

	@Override
	public String getName() {
		return HppObservationDocumentation.RELAY_PUBLISH.getName();
	}

	@Override
	public String getContextualName(RelayPublishContext context) {
		return "hpp relay publish " + context.getMessage();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RelayPublishContext context) {
		return KeyValues.of(RelayLowCardinalityKeyNames.MESSAGE.withValue(context.getMessage()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RelayPublishContext context) {
		return KeyValues.of(HighCardinalityKeyNames.SESSION_ID.withValue(context.getSessionId()));
	}

}
