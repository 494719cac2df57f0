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

package io.github.agentprotocols.acp.run;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.DefaultRunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.DefaultRunObservationConvention;
import io.github.agentprotocols.acp.observation.RunHandlerObservationContext;
import io.github.agentprotocols.acp.observation.RunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationContext;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Creates the observations of runs and their handlers.
 *
 * @param registry the registry
 * @param runConvention the convention of runs, or {@code null} for the default one
 * @param handlerConvention the convention of handlers, or {@code null} for the default
 * one
 */
record RunObservations(ObservationRegistry registry, @Nullable RunObservationConvention runConvention,
		@Nullable RunHandlerObservationConvention handlerConvention) {

	/**
	 * The observation of a run, not started.
	 * @param context the run's context
	 * @param parent the observation current where the run was invoked, or {@code null}
	 * @return the observation
	 */
	Observation run(RunObservationContext context, @Nullable Observation parent) {
		return AcpObservationDocumentation.RUN
			.observation(this.runConvention, DefaultRunObservationConvention.INSTANCE, () -> context, this.registry)
			.parentObservation(parent);
	}

	/**
	 * The observation of a run's handler, not started.
	 * @param context the handler's context
	 * @param run the run's observation, its parent
	 * @return the observation
	 */
	Observation handler(RunHandlerObservationContext context, Observation run) {
		return AcpObservationDocumentation.RUN_HANDLER
			.observation(this.handlerConvention, DefaultRunHandlerObservationConvention.INSTANCE, () -> context,
					this.registry)
			.parentObservation(run);
	}

}
