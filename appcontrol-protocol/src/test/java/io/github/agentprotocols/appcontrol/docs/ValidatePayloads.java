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

import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;

/**
 * The example of docs/how-to/validate-app-control-payloads-in-your-own-code.md that
 * checks a command received as text and says what is wrong with it.
 */
final class ValidatePayloads {

	private ValidatePayloads() {
	}

	static String check(String json) {
		// tag::validate-text[]
		try {
			Map<String, Object> payload = ProtocolSchemas.shared().validateProtocolJson("command", json);
			ToolCommand command = ToolCommand.fromMap(payload);
			return "accepted " + command.commandId();
		}
		catch (ProtocolValidationException ex) {
			// for a command without commandId: "/commandId required"
			return ex.getPointer() + " " + ex.getKeyword();
		}
		// end::validate-text[]
	}

}
