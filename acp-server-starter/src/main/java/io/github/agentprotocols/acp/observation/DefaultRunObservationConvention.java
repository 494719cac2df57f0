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
