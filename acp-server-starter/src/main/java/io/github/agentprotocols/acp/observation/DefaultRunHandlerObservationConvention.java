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

package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RunHandlerObservationConvention}: {@code acp.run.handler}.
 */
public class DefaultRunHandlerObservationConvention implements RunHandlerObservationConvention {

	/** The shared instance. */
	public static final DefaultRunHandlerObservationConvention INSTANCE = new DefaultRunHandlerObservationConvention();

	@Override
	public String getName() {
		return "acp.run.handler";
	}

	@Override
	public String getContextualName(RunHandlerObservationContext context) {
		return "acp.run.handler";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RunHandlerObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.ASSISTANT_ID.withValue(context.getRun().assistantId()),
				LowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RunHandlerObservationContext context) {
		Run run = context.getRun();
		return KeyValues.of(HighCardinalityKeyNames.THREAD_ID.withValue(run.threadId()),
				HighCardinalityKeyNames.RUN_ID.withValue(run.id()));
	}

}
