/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
