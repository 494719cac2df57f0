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

import tools.jackson.databind.node.ArrayNode;

/**
 * Called once per action request after the batch was applied and its {@code done} event
 * queued, also for empty batches. Exceptions are logged and otherwise ignored. Declare
 * beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface DoneHook {

	/**
	 * Observes the outcome of an action batch.
	 * @param session a copy of the session after the batch
	 * @param applied keys applied, in order
	 * @param rejected keys rejected, in order
	 * @param errors the error entries of the response
	 */
	void onDone(HandshakeSession session, List<String> applied, List<String> rejected, ArrayNode errors);

}
