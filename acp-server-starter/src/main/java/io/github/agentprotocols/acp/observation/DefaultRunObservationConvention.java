package io.github.agentprotocols.acp.observation;

import java.util.Objects;

import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RunObservationConvention}: {@code acp.run}. The assistant id is a
 * low-cardinality key: runs exist only for registered assistants.
 */
public class DefaultRunObservationConvention implements RunObservationConvention {

	/** The shared instance. */
	public static final DefaultRunObservationConvention INSTANCE = new DefaultRunObservationConvention();

	@Override
	public String getName() {
		return "acp.run";
	}

	@Override
	public String getContextualName(RunObservationContext context) {
		return "acp.run";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RunObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.ASSISTANT_ID.withValue(context.getRun().assistantId()),
				LowCardinalityKeyNames.RUN_STATUS.withValue(Objects.requireNonNullElse(context.getStatus(), "none")),
				LowCardinalityKeyNames.RUN_ERROR_CODE
					.withValue(Objects.requireNonNullElse(context.getErrorCode(), "none")));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RunObservationContext context) {
		Run run = context.getRun();
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(run.threadId()),
				HighCardinalityKeyNames.RUN_ID.withValue(run.id()));
	}

}
