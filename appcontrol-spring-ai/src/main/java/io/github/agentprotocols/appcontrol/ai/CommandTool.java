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

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ServiceRejection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A declared command as a Spring AI tool. A call sends a {@code stream} request to the
 * application's {@link AppControlServiceHost}, with the host's own token: the host
 * validates it, runs it under its deadline and observes it, as it does a request over
 * HTTP. The {@link CommandApproval} decides first whether it runs. The result is always
 * the command's observation as JSON, never an exception: a refused, denied or failed
 * command is a failed observation whose {@code error} says why. Each event of the running
 * command but the last goes to the {@link CommandCaller} as progress.
 */
public final class CommandTool implements ToolCallback {

	private static final Logger logger = LoggerFactory.getLogger(CommandTool.class);

	private final CommandDeclaration declaration;

	private final ToolDefinition definition;

	private final AppControlServiceHost host;

	private final String token;

	private final CommandApproval approval;

	private final Function<@Nullable ToolContext, CommandCaller> callers;

	/**
	 * A tool.
	 * @param declaration the command
	 * @param host the host that runs it
	 * @param token the host's token ({@code app-control.service.token})
	 * @param approval decides whether a call runs
	 * @param callers the caller of a call, from its tool context (which may be null)
	 */
	public CommandTool(CommandDeclaration declaration, AppControlServiceHost host, String token,
			CommandApproval approval, Function<@Nullable ToolContext, CommandCaller> callers) {
		this.declaration = declaration;
		this.definition = ToolDefinition.builder()
			.name(declaration.name())
			.description(declaration.description())
			.inputSchema(declaration.inputSchemaJson())
			.build();
		this.host = host;
		this.token = token;
		this.approval = approval;
		this.callers = callers;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	/**
	 * The declaration the tool was made from.
	 * @return the declaration
	 */
	public CommandDeclaration getDeclaration() {
		return this.declaration;
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		return run(toolInput, this.callers.apply(toolContext)).toJson();
	}

	/**
	 * Runs the command.
	 * @param toolInput the command's input as JSON text; blank for none
	 * @param caller who called
	 * @return the command's observation
	 */
	public ToolObservation run(String toolInput, CommandCaller caller) {
		String commandId = "cmd_" + HexFormat.of().toHexDigits(UUID.randomUUID().getMostSignificantBits());
		ServiceRequest request;
		try {
			request = this.host.accept(envelope(commandId, toolInput));
		}
		catch (ProtocolValidationException ex) {
			return failure(commandId, new ToolError("invalid_request",
					"the tool input must be a JSON object: " + ex.getMessage(), false, null, "validation", null, null));
		}
		catch (ServiceRejection ex) {
			ToolError error = ex.getResponse().error();
			return failure(commandId, (error != null) ? error : new ToolError("invalid_request", ex.getMessage()));
		}
		ToolCommand command = Objects.requireNonNull(request.command(), "command");
		String refusal = refusal(command, caller);
		if (refusal != null) {
			return ToolObservation.failure(commandId, command.tool(), command.operation(),
					ToolStatus.PERMISSION_MISSING,
					new ToolError("command_denied", refusal, false, null, "approval", command.operation(), null));
		}
		ServiceResponse response = this.host.stream(request).doOnNext((envelope) -> {
			if ("event".equals(envelope.get("status"))) {
				ToolEvent event = ServiceEventEnvelope.fromMap(envelope).event();
				if (event.type() != ToolEventType.OBSERVATION) {
					progress(caller, event);
				}
			}
		}).filter((envelope) -> !"event".equals(envelope.get("status"))).map(ServiceResponse::fromMap).blockLast();
		ToolObservation observation = (response != null) ? response.observationModel() : null;
		return (observation != null) ? observation
				: failure(commandId, new ToolError("execution_failed", "the command ended without an observation"));
	}

	/**
	 * Why the command does not run, or null if it does.
	 */
	private @Nullable String refusal(ToolCommand command, CommandCaller caller) {
		CommandDecision decision;
		try {
			decision = this.approval.decide(command);
		}
		catch (RuntimeException ex) {
			logger.warn("The CommandApproval failed on command {}; it does not run", command.commandId(), ex);
			return "the approval failed: " + ex;
		}
		if (decision.approved()) {
			return null;
		}
		String reason = (decision.reason() != null) ? decision.reason() : "not allowed";
		if (!decision.ask()) {
			return "denied: " + reason;
		}
		Boolean accepted;
		try {
			accepted = caller.ask(reason);
		}
		catch (RuntimeException ex) {
			return "asking a human failed (" + ex.getMessage() + "): " + reason;
		}
		if (accepted == null) {
			return "this command needs a human's approval (" + reason
					+ "), and the caller cannot ask for it: its MCP client does not support elicitation";
		}
		return Boolean.TRUE.equals(accepted) ? null : "a human declined: " + reason;
	}

	/**
	 * Tells the caller about an event; a caller that cannot be told (gone, say) does not
	 * stop the command.
	 */
	private static void progress(CommandCaller caller, ToolEvent event) {
		try {
			caller.progress(event);
		}
		catch (RuntimeException ex) {
			logger.debug("Progress of command {} not delivered: {}", event.commandId(), ex.toString());
		}
	}

	private Map<String, Object> envelope(String commandId, String toolInput) {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("schema", ToolCommand.SCHEMA);
		command.put("commandId", commandId);
		command.put("tool", this.declaration.tool());
		command.put("operation", this.declaration.operation());
		command.put("input", toolInput.isBlank() ? Map.of() : AppControlJson.readObject(toolInput));
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("schema", ServiceRequest.SCHEMA);
		envelope.put("action", ServiceAction.STREAM.wireValue());
		envelope.put("token", this.token);
		envelope.put("command", command);
		return envelope;
	}

	private ToolObservation failure(String commandId, ToolError error) {
		return ToolObservation.failure(commandId, this.declaration.tool(), this.declaration.operation(),
				ToolStatus.FAILED, error);
	}

}
