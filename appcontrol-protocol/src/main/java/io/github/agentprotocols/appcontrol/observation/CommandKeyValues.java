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
