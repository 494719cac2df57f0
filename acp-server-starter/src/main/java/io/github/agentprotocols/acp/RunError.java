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

package io.github.agentprotocols.acp;

import java.util.Objects;

/**
 * Why a run failed (spec §2.5, §6.5): the {@code error} of a failed run and of its
 * {@code run.failed} event.
 *
 * @param code the failure code, such as {@code handler_error} or {@code timeout}
 * @param message a description of the failure
 */
public record RunError(String code, String message) {

	/**
	 * Create a new {@code RunError}.
	 * @param code the failure code, such as {@code handler_error} or {@code timeout}
	 * @param message a description of the failure
	 */
	public RunError {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
	}

}
