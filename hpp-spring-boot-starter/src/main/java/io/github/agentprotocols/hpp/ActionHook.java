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

import tools.jackson.databind.JsonNode;

/**
 * Called for each {@code set} action with a key, before schema validation. Returning
 * false rejects the action (its key is listed in {@code rejected}); throwing rejects it
 * and adds {@code {"key", "msg": <exception message>}} to {@code errors}. Either stops
 * later hooks for that action. Declare beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface ActionHook {

	/**
	 * Decides whether an action may be applied.
	 * @param session a copy of the session
	 * @param action the raw action object as the agent sent it
	 * @param request the action request
	 * @return false to veto the action
	 */
	boolean onAction(HandshakeSession session, JsonNode action, HandshakeRequest request);

}
