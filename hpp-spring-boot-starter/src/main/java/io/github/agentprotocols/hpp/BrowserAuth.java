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
 * Gate for user edits over HTTP ({@code POST {prefix}/notify/{sid}}): returning false or
 * throwing answers 403 {@code browser auth failed}. Runs after the built-in check that
 * binds a session to the principal that created it. Declare beans of this type; all must
 * agree.
 */
@FunctionalInterface
public interface BrowserAuth {

	/**
	 * Decides whether a browser may report a user edit.
	 * @param request the notify request
	 * @param session a copy of the session
	 * @return true to accept the edit
	 */
	boolean authorize(HandshakeRequest request, HandshakeSession session);

}
