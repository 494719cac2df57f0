package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RestObservationConvention}: {@code acp.rest.operation}, its span
 * named {@code acp <operation>}.
 */
public class DefaultRestObservationConvention implements RestObservationConvention {

	/** The shared instance. */
	public static final DefaultRestObservationConvention INSTANCE = new DefaultRestObservationConvention();

	@Override
	public String getName() {
		return "acp.rest.operation";
	}

	@Override
	public String getContextualName(RestObservationContext context) {
		return "acp " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RestObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RestObservationContext context) {
		return Ids.of(HighCardinalityKeyNames.THREAD_ID, context.getThreadId())
			.and(Ids.of(HighCardinalityKeyNames.RUN_ID, context.getRunId()));
	}

}
