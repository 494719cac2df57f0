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

import org.jspecify.annotations.Nullable;

/**
 * Builds the handshake prompt a user pastes to the agent. Whatever the wording, the
 * prompt must start its credentials with the lines {@code - sessionId: },
 * {@code - token: } and {@code - baseUrl: }, which agents parse. Declare a bean of this
 * type to replace the default.
 */
@FunctionalInterface
public interface PromptBuilder {

	/**
	 * Builds a prompt.
	 * @param session the session
	 * @param baseUrl the URL the agent reaches the application at
	 * @param instructions task instructions to include, or null
	 * @param expiresIn the session's remaining seconds
	 * @return the prompt text
	 */
	String build(HandshakeSession session, String baseUrl, @Nullable String instructions, long expiresIn);

}
