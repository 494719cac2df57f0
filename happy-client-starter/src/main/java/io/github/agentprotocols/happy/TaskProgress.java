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

package io.github.agentprotocols.happy;

/**
 * Follows a task that {@code runTask} runs: told the id of the session once it is
 * spawned, then each message of the session, decrypted, as it is stored (the prompt, the
 * agent's output, the turn's start and end). Every message up to the completed turn is
 * delivered, each once, before {@code runTask} returns. Calls come from the client's
 * threads, one at a time.
 */
@FunctionalInterface
public interface TaskProgress {

	/**
	 * A message of the task's session.
	 * @param message the message, decrypted
	 */
	void message(Message message);

	/**
	 * The task's session was spawned; its messages follow.
	 * @param sessionId the session's id
	 */
	default void spawned(String sessionId) {
	}

}
