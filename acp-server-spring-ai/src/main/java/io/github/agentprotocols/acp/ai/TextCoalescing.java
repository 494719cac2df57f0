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

package io.github.agentprotocols.acp.ai;

/**
 * How a {@link ChatClientAssistant} turns the model's streamed text into {@code message}
 * events. ACP stores every event and has no delta event, so text is gathered for a whole
 * model turn (one model call, up to its tool calls or its end) before it is written.
 */
public enum TextCoalescing {

	/**
	 * One {@code message} per model turn that wrote text: the text the model writes
	 * before it asks for tools, and its final answer. The default.
	 */
	PER_TURN,

	/**
	 * One {@code message} for the final answer only; the text the model writes before it
	 * asks for tools becomes a {@code reasoning} event.
	 */
	FINAL_ANSWER

}
