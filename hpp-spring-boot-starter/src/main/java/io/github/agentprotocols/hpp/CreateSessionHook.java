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

/**
 * Called for every new session after it is built and before it is stored; may set its
 * {@link HandshakeSession#setOwner owner} or {@link HandshakeSession#setMeta meta}.
 * Throwing refuses the session with 403 and the exception's message; later hooks are
 * skipped. Declare beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface CreateSessionHook {

	/**
	 * Inspects or adjusts a new session.
	 * @param session the session about to be stored
	 * @param request the create request
	 */
	void onCreateSession(HandshakeSession session, HandshakeRequest request);

}
