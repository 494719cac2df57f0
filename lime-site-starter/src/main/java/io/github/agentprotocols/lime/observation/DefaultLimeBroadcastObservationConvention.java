package io.github.agentprotocols.lime.observation;

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.BroadcastHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.BroadcastLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeBroadcastObservationConvention}: {@code lime.broadcast}, with
 * the outcome's type low-cardinality and its request id high-cardinality.
 */
public class DefaultLimeBroadcastObservationConvention implements LimeBroadcastObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.BROADCAST.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeBroadcastObservationContext context) {
		return KeyValues.of(BroadcastLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeBroadcastObservationContext context) {
		return KeyValues.of(BroadcastHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()));
	}

}
