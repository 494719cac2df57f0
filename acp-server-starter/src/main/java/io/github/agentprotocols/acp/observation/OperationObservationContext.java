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

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What the observation of a protocol operation records, whichever transport called it:
 * how it was answered and the thread and run it concerns.
 */
public abstract class OperationObservationContext extends Observation.Context {

	private String outcome = "unknown";

	private @Nullable String threadId;

	private @Nullable String runId;

	/**
	 * How the operation was answered.
	 * @return {@code ok}, {@code unavailable} (the store unreachable) or the error code;
	 * {@code unknown} before the answer
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the operation was answered.
	 * @param outcome {@code ok}, {@code unavailable} or the error code
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	/**
	 * The thread the operation concerns.
	 * @return the thread id, or {@code null}
	 */
	public @Nullable String getThreadId() {
		return this.threadId;
	}

	/**
	 * Sets the thread the operation concerns.
	 * @param threadId the thread id
	 */
	public void setThreadId(@Nullable String threadId) {
		this.threadId = threadId;
	}

	/**
	 * The run or runs the operation concerns.
	 * @return the run id, several comma-separated, or {@code null}
	 */
	public @Nullable String getRunId() {
		return this.runId;
	}

	/**
	 * Sets the run or runs the operation concerns.
	 * @param runId the run id, several comma-separated
	 */
	public void setRunId(@Nullable String runId) {
		this.runId = runId;
	}

}
