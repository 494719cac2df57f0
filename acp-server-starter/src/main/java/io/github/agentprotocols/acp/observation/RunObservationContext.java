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
import org.jspecify.annotations.Nullable;

/**
 * What the observation of one run, from queued to its end, records.
 */
public class RunObservationContext extends Observation.Context {

	private final Run run;

	private @Nullable String status;

	private @Nullable String errorCode;

	/**
	 * Creates the context of a run.
	 * @param run the run as it was created
	 */
	public RunObservationContext(Run run) {
		this.run = run;
	}

	/**
	 * The run as it was created.
	 * @return the run
	 */
	public Run getRun() {
		return this.run;
	}

	/**
	 * The terminal status this instance recorded.
	 * @return for example {@code completed}, or {@code null} while running or when the
	 * run ended without a status recorded here
	 */
	public @Nullable String getStatus() {
		return this.status;
	}

	/**
	 * The failure code of a failed run.
	 * @return for example {@code handler_error}, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Sets how the run ended.
	 * @param status the terminal status, or {@code null}
	 * @param errorCode the failure code, or {@code null}
	 */
	public void setEnd(@Nullable String status, @Nullable String errorCode) {
		this.status = status;
		this.errorCode = errorCode;
	}

}
