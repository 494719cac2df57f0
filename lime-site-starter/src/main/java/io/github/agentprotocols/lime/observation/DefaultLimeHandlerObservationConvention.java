package io.github.agentprotocols.lime.observation;

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.HandlerHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.HandlerLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeHandlerObservationConvention}: {@code lime.event.handler}, with
 * the event's type and the handler's outcome low-cardinality, the request id and the
 * handler high-cardinality.
 */
public class DefaultLimeHandlerObservationConvention implements LimeHandlerObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.EVENT_HANDLER.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeHandlerObservationContext context) {
		return KeyValues.of(HandlerLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()),
				HandlerLowCardinalityKeyNames.OUTCOME
					.withValue(DefaultLimeEventObservationConvention.lowerCase(context.getOutcome())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeHandlerObservationContext context) {
		return KeyValues.of(HandlerHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()),
				HandlerHighCardinalityKeyNames.HANDLER.withValue(context.getHandler()));
	}

}
