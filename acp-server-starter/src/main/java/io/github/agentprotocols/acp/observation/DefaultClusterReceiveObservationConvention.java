package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ClusterReceiveObservationConvention}: {@code acp.cluster.receive}.
 */
public class DefaultClusterReceiveObservationConvention implements ClusterReceiveObservationConvention {

	/** The shared instance. */
	public static final DefaultClusterReceiveObservationConvention INSTANCE = new DefaultClusterReceiveObservationConvention();

	@Override
	public String getName() {
		return "acp.cluster.receive";
	}

	@Override
	public String getContextualName(ClusterReceiveObservationContext context) {
		return "acp.cluster.receive";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClusterReceiveObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.CLUSTER_TRANSPORT.withValue(context.getTransport()),
				LowCardinalityKeyNames.MESSAGE_TYPE.withValue(context.getMessageType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClusterReceiveObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.CLUSTER_ORIGIN.withValue(context.getOrigin()))
			.and(Ids.of(HighCardinalityKeyNames.THREAD_ID, context.getThreadId()));
	}

}
