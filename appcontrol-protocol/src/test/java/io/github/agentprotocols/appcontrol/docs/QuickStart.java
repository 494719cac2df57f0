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

// tag::imports[]
import java.nio.file.Path;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
// end::imports[]

/**
 * The examples of the how-to guides
 * docs/how-to/validate-app-control-payloads-in-your-own-code.md (a command built, checked
 * and parsed back) and docs/how-to/run-the-app-control-service-host-on-a-unix-socket.md
 * (the command sent to a local service host on its Unix socket).
 */
final class QuickStart {

	private QuickStart() {
	}

	static ToolObservation openTextEdit(Path socket) {
		// tag::validate[]
		ToolCommand command = new ToolCommand("cmd_1", "macos.computer_use", "open_app", Map.of("app", "TextEdit"),
				10_000);
		// the camelCase wire object, checked strictly, then parsed back leniently
		Map<String, Object> payload = command.toMap();
		ProtocolSchemas.shared().validateProtocolPayload("command", payload);
		ToolCommand parsed = ToolCommand.fromMap(payload);
		// end::validate[]
		// tag::send[]
		AppControlClient client = UnixSocketAppControlClient.create(socket, "local-service-token");
		ToolObserver observer = (event) -> System.out.println(event.seq() + " " + event.type().wireValue());
		ToolObservation observation = client.runCommand(parsed, observer);
		// end::send[]
		return observation;
	}

}
