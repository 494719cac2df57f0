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
 * Called for each extension request that passed the token and range checks. It may deny
 * the extension (403 {@code extension denied by server policy}), change the number of
 * seconds, or allow it unchanged; throwing denies with 403 and the exception's message.
 * Declare beans of this type; they run in {@code @Order}, each seeing the seconds the
 * previous one decided.
 */
@FunctionalInterface
public interface ExtendHook {

	/**
	 * Decides on an extension.
	 * @param session a copy of the session
	 * @param extraSeconds the seconds requested (or set by an earlier hook)
	 * @param request the extend request
	 * @return the decision; null allows unchanged
	 */
	@Nullable ExtensionDecision onExtend(HandshakeSession session, long extraSeconds, HandshakeRequest request);

}
