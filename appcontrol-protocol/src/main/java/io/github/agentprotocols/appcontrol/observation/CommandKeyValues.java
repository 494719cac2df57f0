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

package io.github.agentprotocols.appcontrol.observation;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.WireValue;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation.HighCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The key values the default conventions share.
 */
final class CommandKeyValues {

	static final String NONE = "none";

	private CommandKeyValues() {
	}

	/**
	 * A wire value, or {@value #NONE}.
	 */
	static String wire(@Nullable WireValue value) {
		return (value != null) ? value.wireValue() : NONE;
	}

	/**
	 * The request id, command id, tool and operation that are known.
	 */
	static KeyValues of(@Nullable String requestId, @Nullable ToolCommand command) {
		KeyValues values = (requestId != null) ? KeyValues.of(HighCardinalityKeyNames.REQUEST_ID.withValue(requestId))
				: KeyValues.empty();
		if (command == null) {
			return values;
		}
		return values.and(HighCardinalityKeyNames.COMMAND_ID.withValue(command.commandId()),
				HighCardinalityKeyNames.TOOL.withValue(command.tool()),
				HighCardinalityKeyNames.OPERATION.withValue(command.operation()));
	}

	static KeyValues of(@Nullable ServiceRequest request) {
		return (request != null) ? of(request.requestId(), request.command()) : KeyValues.empty();
	}

}
