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

package io.github.agentprotocols.appcontrol.ai;

import io.github.agentprotocols.appcontrol.ToolEvent;
import org.jspecify.annotations.Nullable;

/**
 * Who calls a command tool, as its {@code ToolContext} tells: an MCP client can be asked
 * for a human's approval and sent progress; any other caller (a {@code ChatClient} in the
 * application) cannot.
 */
public interface CommandCaller {

	/**
	 * A caller that can be neither asked nor sent progress.
	 */
	CommandCaller NONE = new CommandCaller() {

		@Override
		public @Nullable Boolean ask(String question) {
			return null;
		}

		@Override
		public void progress(ToolEvent event) {
		}

	};

	/**
	 * Asks the caller's human whether a command runs.
	 * @param question what they are asked
	 * @return whether they accepted, or {@code null} when the caller cannot ask
	 */
	@Nullable Boolean ask(String question);

	/**
	 * Tells the caller about an event of the running command.
	 * @param event the event (never the final {@code observation} event)
	 */
	void progress(ToolEvent event);

}
