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

package io.github.agentprotocols.happy.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link TaskObservationConvention}: the observation {@code happy.task}.
 */
public class DefaultTaskObservationConvention implements TaskObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.task";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TaskObservationContext context) {
		return MachineObservationConventionSupport.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TaskObservationContext context) {
		return MachineObservationConventionSupport.highCardinality(context);
	}

}
