package io.github.agentprotocols.lime.observation;

import java.util.Locale;

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.EventHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.EventLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LimeEventObservationConvention}: {@code lime.event.delivery}, with
 * the event's type, source and outcome low-cardinality, its request id and SSE id
 * high-cardinality.
 */
public class DefaultLimeEventObservationConvention implements LimeEventObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.EVENT_DELIVERY.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeEventObservationContext context) {
		return KeyValues.of(EventLowCardinalityKeyNames.EVENT_TYPE.withValue(context.getType()),
				EventLowCardinalityKeyNames.SOURCE.withValue(lowerCase(context.getSource())),
				EventLowCardinalityKeyNames.OUTCOME.withValue(lowerCase(context.getOutcome())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeEventObservationContext context) {
		String eventId = context.getEventId();
		return KeyValues.of(EventHighCardinalityKeyNames.REQUEST_ID.withValue(context.getRequestId()),
				EventHighCardinalityKeyNames.EVENT_ID.withValue((eventId != null) ? eventId : "none"));
	}

	static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
