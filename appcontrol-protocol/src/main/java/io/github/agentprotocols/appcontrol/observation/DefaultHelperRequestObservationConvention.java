package io.github.agentprotocols.appcontrol.observation;

import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link HelperRequestObservationConvention}: the observation {@value #NAME},
 * named {@code appcontrol helper} in traces.
 */
public class DefaultHelperRequestObservationConvention implements HelperRequestObservationConvention {

	/** The observation's name. */
	public static final String NAME = "appcontrol.helper.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(HelperRequestObservationContext context) {
		return "appcontrol helper";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(HelperRequestObservationContext context) {
		return KeyValues
			.of(LowCardinalityKeyNames.COMMAND_STATUS.withValue(CommandKeyValues.wire(context.getCommandStatus())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(HelperRequestObservationContext context) {
		return CommandKeyValues.of(null, context.getCommand());
	}

}
