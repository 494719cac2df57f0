package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ClusterPublishObservationConvention}: {@code acp.cluster.publish}.
 */
public class DefaultClusterPublishObservationConvention implements ClusterPublishObservationConvention {

	/** The shared instance. */
	public static final DefaultClusterPublishObservationConvention INSTANCE = new DefaultClusterPublishObservationConvention();

	@Override
	public String getName() {
		return "acp.cluster.publish";
	}

	@Override
	public String getContextualName(ClusterPublishObservationContext context) {
		return "acp.cluster.publish";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClusterPublishObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.CLUSTER_TRANSPORT.withValue(context.getTransport()),
				LowCardinalityKeyNames.MESSAGE_TYPE.withValue(context.getMessageType()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClusterPublishObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(context.getThreadId()),
				HighCardinalityKeyNames.CLUSTER_ORIGIN.withValue(context.getOrigin()));
	}

}
