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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import org.jspecify.annotations.Nullable;

/**
 * The tests' desktop tool: {@code click} reports two progress events and succeeds,
 * {@code close} fails as a client fails, by throwing, {@code delete} succeeds. Records
 * the commands it ran.
 */
public final class DesktopTool implements AppControlClient {

	/** The declarations of its commands. */
	public static final List<CommandDeclaration> DECLARATIONS = List.of(
			CommandDeclaration.of("desktop", "click", "Clicks a target on the screen.",
					"{\"type\":\"object\",\"properties\":{\"target\":{\"type\":\"string\","
							+ "\"description\":\"what to click\"}},\"required\":[\"target\"]}"),
			CommandDeclaration.of("desktop", "close", "Closes the front window.", "{\"type\":\"object\"}"),
			CommandDeclaration.of("desktop", "delete", "Deletes a file.",
					"{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}"));

	private final List<ToolCommand> received = new CopyOnWriteArrayList<>();

	@Override
	public ToolObservation runCommand(ToolCommand command, @Nullable ToolObserver observer) {
		this.received.add(command);
		if (command.operation().equals("close")) {
			throw new IllegalStateException("the window is gone");
		}
		if (command.operation().equals("delete")) {
			return ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
					"deleted " + command.input().get("path"), null, null, null, null);
		}
		if (observer != null) {
			observer.onEvent(new ToolEvent(command.commandId(), 1, ToolEventType.PROGRESS, "pointer", null,
					"moving the pointer", null));
			observer.onEvent(
					new ToolEvent(command.commandId(), 2, ToolEventType.PROGRESS, "click", null, "clicking", null));
		}
		return ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
				"clicked " + command.input().get("target"), Map.of("clicked", command.input().get("target")), null,
				null, null);
	}

	/**
	 * The commands run so far.
	 * @return each, in order
	 */
	public List<ToolCommand> received() {
		return this.received;
	}

}
