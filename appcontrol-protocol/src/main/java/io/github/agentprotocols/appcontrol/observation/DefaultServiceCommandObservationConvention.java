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

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ServiceCommandObservationConvention}: the observation
 * {@value #NAME}, named {@code appcontrol command <action>} in traces.
 */
public class DefaultServiceCommandObservationConvention implements ServiceCommandObservationConvention {

	/** The observation's name. */
	public static final String NAME = "appcontrol.service.command";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ServiceCommandObservationContext context) {
		return "appcontrol command " + context.getAction().wireValue();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServiceCommandObservationContext context) {
		ToolObservation result = context.getResult();
		return KeyValues.of(LowCardinalityKeyNames.ACTION.withValue(context.getAction().wireValue()),
				LowCardinalityKeyNames.COMMAND_STATUS
					.withValue(CommandKeyValues.wire((result != null) ? result.status() : null)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServiceCommandObservationContext context) {
		return CommandKeyValues.of(context.getRequestId(), context.getCommand());
	}

}
