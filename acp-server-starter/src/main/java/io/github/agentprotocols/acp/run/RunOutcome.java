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

import java.math.BigDecimal;
import java.time.Duration;

import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * How a run ends (spec §6.2 step 5, §6.5): the terminal status and error to record, or
 * nothing at all when the run already ended elsewhere or its thread is gone.
 *
 * @param status the terminal status, {@code null} to record nothing
 * @param error the error of a failed run
 */
record RunOutcome(@Nullable RunStatus status, @Nullable RunError error) {

	/** Record nothing: the run ended elsewhere, or its thread was deleted (§8 E1). */
	static final RunOutcome SILENT = new RunOutcome(null, null);

	static RunOutcome completed() {
		return new RunOutcome(RunStatus.COMPLETED, null);
	}

	static RunOutcome cancelled() {
		return new RunOutcome(RunStatus.CANCELLED, null);
	}

	static RunOutcome handlerError(Throwable failure) {
		String message = failure.getMessage();
		return failed("handler_error", (message != null) ? message : failure.getClass().getName());
	}

	static RunOutcome invalidEvent(String violation) {
		return failed("invalid_event", violation);
	}

	static RunOutcome timeout(Duration runTimeout) {
		return failed("timeout", "run exceeded " + seconds(runTimeout));
	}

	static RunOutcome orphaned(Duration silence) {
		return failed("timeout", "run orphaned: no heartbeat for " + seconds(silence));
	}

	static RunOutcome interrupted() {
		return failed("interrupted", "server shutting down");
	}

	static RunOutcome internalError() {
		return failed("internal_error", "internal error");
	}

	private static RunOutcome failed(String code, String message) {
		return new RunOutcome(RunStatus.FAILED, new RunError(code, message));
	}

	private static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
	}

	boolean isSilent() {
		return this.status == null;
	}

	/**
	 * How a handler's observation names this outcome.
	 * @return {@code abandoned} when silent, the failure code of a failure, else the
	 * status
	 */
	String label() {
		if (this.status == null) {
			return "abandoned";
		}
		return (this.error != null) ? this.error.code() : this.status.wireName();
	}

}
