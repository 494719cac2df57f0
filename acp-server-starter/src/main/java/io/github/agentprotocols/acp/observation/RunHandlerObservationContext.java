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
import io.micrometer.observation.Observation;

/**
 * What the observation of a run's handler records.
 */
public class RunHandlerObservationContext extends Observation.Context {

	private final Run run;

	private String outcome = "unknown";

	/**
	 * Creates the context of a handler.
	 * @param run the running run
	 */
	public RunHandlerObservationContext(Run run) {
		this.run = run;
	}

	/**
	 * The running run.
	 * @return the run
	 */
	public Run getRun() {
		return this.run;
	}

	/**
	 * How the handler ended.
	 * @return {@code completed}, {@code cancelled}, {@code abandoned} (the run ended
	 * elsewhere or its thread is gone) or the failure code, such as
	 * {@code handler_error}; {@code unknown} before its end
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the handler ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
