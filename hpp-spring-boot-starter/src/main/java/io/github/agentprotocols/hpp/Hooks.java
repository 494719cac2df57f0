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

package io.github.agentprotocols.hpp;

import java.util.List;

/**
 * The hooks an application declared, each list in {@code @Order}.
 *
 * @param createSession called before a new session is stored
 * @param action called per action before validation
 * @param done called after each action batch
 * @param extend called per extension
 * @param browserAuth gates user edits over HTTP
 */
public record Hooks(List<CreateSessionHook> createSession, List<ActionHook> action, List<DoneHook> done,
		List<ExtendHook> extend, List<BrowserAuth> browserAuth) {

	/**
	 * No hooks at all.
	 * @return empty hooks
	 */
	public static Hooks none() {
		return new Hooks(List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/**
	 * The message an exception thrown by a hook contributes to a response: its message,
	 * or its class's simple name when it has none.
	 * @param ex the exception
	 * @return the message
	 */
	static String messageOf(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
