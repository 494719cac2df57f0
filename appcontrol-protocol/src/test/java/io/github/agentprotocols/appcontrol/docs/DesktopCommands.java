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

package io.github.agentprotocols.appcontrol.docs;

import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;

import org.springframework.stereotype.Component;

/**
 * The example of docs/how-to/call-a-remote-app-control-host-over-https.md that runs
 * commands on the application's {@link AppControlClient} with the starter's logging
 * observer.
 */
// tag::inject[]
@Component
class DesktopCommands {

	private final AppControlClient client;

	private final LoggingToolObserver observer;

	DesktopCommands(AppControlClient client, LoggingToolObserver observer) {
		this.client = client;
		this.observer = observer;
	}

	ToolObservation openApp(String app) {
		ToolCommand command = new ToolCommand("cmd_" + UUID.randomUUID(), "macos.computer_use", "open_app",
				Map.of("app", app), 10_000);
		return this.client.runCommand(command, this.observer);
	}

}
// end::inject[]
