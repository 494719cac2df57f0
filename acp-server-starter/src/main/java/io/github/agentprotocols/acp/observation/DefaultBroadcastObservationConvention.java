package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link BroadcastObservationConvention}: {@code acp.broadcast}, its span
 * named {@code acp.broadcast <type>}.
 */
public class DefaultBroadcastObservationConvention implements BroadcastObservationConvention {

	/** The shared instance. */
	public static final DefaultBroadcastObservationConvention INSTANCE = new DefaultBroadcastObservationConvention();

	@Override
	public String getName() {
		return "acp.broadcast";
	}

	@Override
	public String getContextualName(BroadcastObservationContext context) {
		return "acp.broadcast " + context.getBroadcastType();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BroadcastObservationContext context) {
		AcpBroadcast broadcast = context.getBroadcast();
		String eventType = (broadcast instanceof AcpBroadcast.EventAppended appended)
				? appended.event().type().wireName() : "none";
		return KeyValues.of(LowCardinalityKeyNames.BROADCAST_TYPE.withValue(context.getBroadcastType()),
				LowCardinalityKeyNames.BROADCAST_ORIGIN.withValue(context.isRemote() ? "remote" : "local"),
				LowCardinalityKeyNames.EVENT_TYPE.withValue(eventType));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BroadcastObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(context.getBroadcast().threadId()));
	}

}
