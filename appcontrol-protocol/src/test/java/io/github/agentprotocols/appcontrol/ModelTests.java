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

package io.github.agentprotocols.appcontrol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conformance checklist items 1-20 and the round-trip rules.
 */
class ModelTests {

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	static ToolCommand openApp() {
		return new ToolCommand("cmd_1", "macos.computer_use", "open_app", Map.of("app", "TextEdit"), 10000);
	}

	static ToolError notAllowed() {
		return new ToolError("app_not_allowed", "App is not allowlisted.", false, "Add the app to allowed_apps.",
				"policy", "open_app", Map.of("app", "Messages"));
	}

	static Map<String, Object> commandPayload(Object... extra) {
		Map<String, Object> payload = new LinkedHashMap<>(
				Map.of("schema", ToolCommand.SCHEMA, "commandId", "c", "tool", "t", "operation", "o"));
		for (int i = 0; i < extra.length; i += 2) {
			payload.put((String) extra[i], extra[i + 1]);
		}
		return payload;
	}

	private static void assertModelError(Runnable action, String pointer, String messagePart) {
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(action::run).satisfies((ex) -> {
			assertThat(ex.getPointer()).isEqualTo(pointer);
			assertThat(ex.getKeyword()).isEqualTo("model");
			assertThat(ex.getMessage()).contains(messagePart);
		});
	}

	@Test
	@SpecItem("AC-10.1")
	void commandToMapMatchesTheSpecExampleAndRoundTrips() {
		ToolCommand command = openApp();
		Map<String, Object> payload = command.toMap();
		assertThat(payload).containsExactly(Map.entry("schema", "app_control.command.v1"),
				Map.entry("commandId", "cmd_1"), Map.entry("tool", "macos.computer_use"),
				Map.entry("operation", "open_app"), Map.entry("input", Map.of("app", "TextEdit")),
				Map.entry("timeoutMs", 10000));
		assertThat(ToolCommand.fromMap(payload)).isEqualTo(command);
		assertThat(ToolCommand.fromJson(command.toJson())).isEqualTo(command);
		assertThat(command.toJson()).isEqualTo("{\"schema\":\"app_control.command.v1\",\"commandId\":\"cmd_1\","
				+ "\"tool\":\"macos.computer_use\",\"operation\":\"open_app\",\"input\":{\"app\":\"TextEdit\"},"
				+ "\"timeoutMs\":10000}");
	}

	@Test
	@SpecItem("AC-10.2")
	void inputIsAlwaysEmittedAndOptionalsOnlyWhenSet() {
		assertThat(new ToolCommand("c", "t", "o").toMap()).containsEntry("input", Map.of())
			.doesNotContainKeys("metadata", "idempotencyKey", "timeoutMs");
		ToolCommand full = new ToolCommand("c", "t", "o", null, null, "k", Map.of("caller", "x"));
		assertThat(full.toMap()).containsEntry("metadata", Map.of("caller", "x")).containsEntry("idempotencyKey", "k");
	}

	@Test
	@SpecItem("AC-10.3")
	void lenientParseAcceptsSnakeAliasesAndCamelWins() {
		ToolCommand command = ToolCommand
			.fromMap(Map.of("command_id", "c", "tool", "t", "operation", "o", "timeout_ms", 5, "idempotency_key", "k"));
		assertThat(command.commandId()).isEqualTo("c");
		assertThat(command.timeoutMs()).isEqualTo(5L);
		assertThat(command.idempotencyKey()).isEqualTo("k");
		assertThat(command.schema()).isEqualTo(ToolCommand.SCHEMA);
		assertThat(ToolCommand.fromMap(Map.of("commandId", "A", "command_id", "B", "tool", "t", "operation", "o"))
			.commandId()).isEqualTo("A");
	}

	@Test
	@SpecItem("AC-10.4")
	void commandIdMustBeNonEmptyAndIsTrimmed() {
		assertModelError(() -> new ToolCommand("", "t", "o"), "/commandId", "commandId");
		assertModelError(() -> new ToolCommand("   ", "t", "o"), "/commandId", "commandId");
		assertModelError(() -> ToolCommand.fromMap(Map.of("tool", "t", "operation", "o")), "/commandId", "commandId");
		assertThat(new ToolCommand(" cmd ", "t", "o").commandId()).isEqualTo("cmd");
	}

	@Test
	@SpecItem("AC-10.5")
	void timeoutMsMustBeAPositiveJsonInteger() {
		for (Object bad : Arrays.asList(0, -1, "1000", true, 1000.0)) {
			assertThatExceptionOfType(ProtocolValidationException.class)
				.isThrownBy(() -> ToolCommand.fromMap(commandPayload("timeoutMs", bad)))
				.satisfies((ex) -> assertThat(ex.getPointer()).isEqualTo("/timeoutMs"));
		}
		assertThat(ToolCommand.fromMap(commandPayload("timeoutMs", 1)).timeoutMs()).isEqualTo(1L);
		assertThat(ToolCommand.fromMap(commandPayload("timeoutMs", 1L)).timeoutMs()).isEqualTo(1L);
	}

	@Test
	@SpecItem("AC-10.6")
	void otherCommandSchemaVersionsAreRejected() {
		assertModelError(() -> ToolCommand.fromMap(commandPayload("schema", "app_control.command.v2")), "/schema",
				"unsupported command schema");
	}

	@Test
	@SpecItem("AC-10.7")
	void enumerationsHaveExactlyTheSpecValues() {
		assertThat(Arrays.stream(ToolStatus.values()).map(ToolStatus::wireValue)).containsExactly("ok", "not_found",
				"not_ready", "permission_missing", "timeout", "failed", "unknown");
		assertThat(Arrays.stream(ToolEventType.values()).map(ToolEventType::wireValue)).containsExactly("started",
				"progress", "observation", "warning", "error");
		assertThat(Arrays.stream(ServiceAction.values()).map(ServiceAction::wireValue)).containsExactly("run", "submit",
				"poll", "stream");
		assertThat(Arrays.stream(ServiceResponseStatus.values()).map(ServiceResponseStatus::wireValue))
			.containsExactly("complete", "not_found", "failed");
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(() -> ToolStatus.fromWire("done"))
			.withMessageContaining("unsupported tool status: done");
	}

	@Test
	@SpecItem("AC-10.8")
	void okObservationIsSuccessfulRoundTripsAndValidates() {
		ToolObservation observation = ToolObservation.ok("cmd_1", "macos.computer_use", "open_app", "Opened app.",
				Map.of("app", "TextEdit"), null, Map.of("durationMs", 12), null);
		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		assertThat(observation.success()).isTrue();
		assertThat(ToolObservation.fromMap(observation.toMap())).isEqualTo(observation);
		assertThat(schemas.validateProtocolPayload("observation", observation.toMap())).isEqualTo(observation.toMap());
	}

	@Test
	@SpecItem("AC-10.9")
	void failureObservationCopiesTheError() {
		ToolObservation observation = ToolObservation.failure("cmd_1", "macos.computer_use", "open_app",
				ToolStatus.FAILED, notAllowed());
		Map<String, Object> payload = observation.toMap();
		assertThat(payload).containsEntry("success", false)
			.containsEntry("failureKind", "app_not_allowed")
			.containsEntry("recoveryHint", "Add the app to allowed_apps.")
			.containsEntry("evidence", Map.of("app", "Messages"))
			.containsEntry("summary", "App is not allowlisted.")
			.containsEntry("error", notAllowed().toMap());
		assertThat(notAllowed().toMap()).hasSize(7);
		schemas.validateProtocolPayload("observation", payload);
		assertThat(ToolObservation.fromMap(payload)).isEqualTo(observation);
		assertModelError(() -> ToolObservation.failure("c", "t", "o", ToolStatus.OK, notAllowed()), "/status",
				"failure status cannot be ok");
	}

	@ParameterizedTest
	@EnumSource(value = ToolStatus.class, names = { "NOT_FOUND", "TIMEOUT" })
	@SpecItem("AC-10.10")
	void notFoundAndTimeoutFailuresRoundTrip(ToolStatus status) {
		ToolObservation observation = ToolObservation.failure("c", "t", "o", status, new ToolError("x", "y"));
		assertThat(observation.success()).isFalse();
		assertThat(ToolObservation.fromMap(observation.toMap())).isEqualTo(observation);
	}

	@Test
	@SpecItem("AC-10.11")
	void successMustMatchStatusAndSuccessCarriesNoError() {
		assertModelError(() -> new ToolObservation(null, "c", "t", "o", ToolStatus.UNKNOWN, true, "s", null, null, null,
				null, null, null, null, null, null), "/success", "success must match status == ok");
		assertModelError(() -> new ToolObservation(null, "c", "t", "o", ToolStatus.OK, true, "s", null, null, null,
				null, null, null, null, notAllowed(), null), "/error", "successful observations cannot include error");
	}

	@Test
	@SpecItem("AC-10.12")
	void topLevelFailureFieldsMustMatchOrAreFilledFromTheError() {
		assertModelError(
				() -> new ToolObservation(null, "c", "t", "o", ToolStatus.FAILED, false, "s", null, null, null,
						"different_failure", null, null, null, notAllowed(), null),
				"/failureKind", "failure_kind does not match nested error");
		ToolObservation filled = new ToolObservation(null, "c", "t", "o", ToolStatus.FAILED, false, "s", null, null,
				null, null, null, null, null, notAllowed(), null);
		assertThat(filled.failureKind()).isEqualTo("app_not_allowed");
		assertThat(filled.retryable()).isFalse();
		assertThat(filled.message()).isEqualTo("App is not allowlisted.");
	}

	@Test
	@SpecItem("AC-10.13")
	void successMustBeABoolean() {
		Map<String, Object> payload = new HashMap<>(
				ToolObservation.failure("c", "t", "o", ToolStatus.FAILED, new ToolError("x", "y")).toMap());
		payload.put("success", "false");
		assertModelError(() -> ToolObservation.fromMap(payload), "/success", "success");
	}

	@Test
	@SpecItem("AC-10.14")
	void eventsRoundTripAndRejectANegativeSeqOrAnUnknownType() {
		ToolEvent event = new ToolEvent("cmd_1", 1, ToolEventType.PROGRESS, "open_app", ToolStatus.OK,
				"Launch requested.", Map.of("app", "TextEdit"));
		assertThat(event.toMap()).containsEntry("type", "progress").containsEntry("status", "ok");
		assertThat(ToolEvent.fromMap(event.toMap())).isEqualTo(event);
		schemas.validateProtocolPayload("event", event.toMap());
		assertModelError(() -> new ToolEvent("c", -1, ToolEventType.PROGRESS, null, null, null, null), "/seq",
				"seq must be non-negative");
		assertModelError(() -> ToolEvent.fromMap(Map.of("commandId", "c", "seq", 0, "type", "done")), "/type",
				"unsupported event type: done");
		Map<String, Object> snake = new HashMap<>(event.toMap());
		snake.put("event_type", snake.remove("type"));
		assertThat(ToolEvent.fromMap(snake)).isEqualTo(event);
	}

	@Test
	@SpecItem("AC-10.15")
	void errorsAlwaysEmitRetryableWhichMustBeABoolean() {
		assertThat(new ToolError("x", "y").toMap()).containsExactly(Map.entry("failureKind", "x"),
				Map.entry("message", "y"), Map.entry("retryable", false));
		assertModelError(() -> ToolError.fromMap(Map.of("failureKind", "x", "message", "y", "retryable", "no")),
				"/retryable", "retryable");
		assertThat(ToolError.fromMap(notAllowed().toMap())).isEqualTo(notAllowed());
	}

	@Test
	@SpecItem("AC-10.16")
	void runRequestMatchesTheSpecExample() {
		ToolCommand readiness = new ToolCommand("cmd_1", "macos.computer_use", "readiness");
		Map<String, Object> payload = ServiceRequest.run(readiness, "local-token").toMap();
		assertThat(payload).isEqualTo(Map.of("schema", "app_control.service.request.v1", "action", "run", "token",
				"local-token", "command", Map.of("schema", "app_control.command.v1", "commandId", "cmd_1", "tool",
						"macos.computer_use", "operation", "readiness", "input", Map.of())));
		assertThat(payload.keySet()).containsExactly("schema", "action", "token", "command");
		schemas.validateProtocolPayload("service_request", payload);
		assertThat(ServiceRequest.fromMap(payload)).isEqualTo(ServiceRequest.run(readiness, "local-token"));
		assertThat(ServiceRequest.run(readiness, "local-token").toString()).doesNotContain("local-token");
	}

	@Test
	@SpecItem("AC-10.17")
	void pollNeedsARequestIdAndEveryOtherActionACommand() {
		Map<String, Object> poll = ServiceRequest.poll("req_1").toMap();
		assertThat(poll).containsExactly(Map.entry("schema", "app_control.service.request.v1"),
				Map.entry("action", "poll"), Map.entry("requestId", "req_1"));
		schemas.validateProtocolPayload("service_request", poll);
		assertModelError(() -> new ServiceRequest(null, ServiceAction.POLL, null, null, null), "/requestId",
				"poll service requests require request_id");
		assertModelError(() -> new ServiceRequest(null, ServiceAction.RUN, null, null, null), "/command",
				"run service requests require command");
		assertModelError(() -> ServiceRequest.fromMap(Map.of("action", "fetch")), "/action",
				"unsupported service action: fetch");
		Map<String, Object> nested = Map.of("action", "run", "command",
				Map.of("command_id", " c ", "tool", "t", "operation", "o", "extra", 1));
		assertThat(ServiceRequest.fromMap(nested).toMap().get("command")).isEqualTo(Map.of("schema", ToolCommand.SCHEMA,
				"commandId", "c", "tool", "t", "operation", "o", "input", Map.of()));
		assertModelError(() -> ServiceRequest.fromMap(Map.of("action", "run", "command", Map.of("tool", "t"))),
				"/command/commandId", "commandId");
	}

	@Test
	@SpecItem("AC-10.18")
	void serviceResponsesRoundTripAndOnlyCompleteOnesAreSuccessful() {
		ToolObservation ready = ToolObservation.ok("cmd_1", "macos.computer_use", "readiness", "ready", null);
		ServiceResponse complete = ServiceResponse.complete(ready, "req_1");
		Map<String, Object> payload = complete.toMap();
		assertThat(payload).containsEntry("status", "complete").containsEntry("success", true);
		schemas.validateProtocolPayload("service_response", payload);
		assertThat(ServiceResponse.fromMap(payload).toMap()).isEqualTo(payload);
		assertThat(ServiceResponse.fromMap(payload).observationModel()).isEqualTo(ready);

		ToolError permission = new ToolError("permission_missing", "Accessibility is not granted.", false, null, null,
				null, Map.of("permission", "accessibility"));
		Map<String, Object> failed = ServiceResponse.failed(permission, "req_1").toMap();
		schemas.validateProtocolPayload("service_response", failed);
		assertThat(ServiceResponse.fromMap(failed).error()).isEqualTo(permission);

		assertModelError(() -> new ServiceResponse(null, ServiceResponseStatus.COMPLETE, false, null, null, null),
				"/success", "success must match status == complete");
		assertModelError(() -> new ServiceResponse(null, ServiceResponseStatus.NOT_FOUND, true, null, null, null),
				"/success", "success must match status == complete");
		assertModelError(() -> new ServiceResponse(null, ServiceResponseStatus.FAILED, false, null, null, null),
				"/error", "failed service responses require error");
		schemas.validateProtocolPayload("service_response", ServiceResponse.notFound("req_1").toMap());
	}

	@Test
	@SpecItem("AC-10.19")
	void serviceEventEnvelopesAreAlwaysSuccessfulEvents() {
		ToolEvent event = new ToolEvent("cmd_1", 1, ToolEventType.PROGRESS, "open_app", null, null, null);
		ServiceEventEnvelope envelope = new ServiceEventEnvelope("req_1", event);
		assertThat(envelope.toMap()).containsEntry("status", "event").containsEntry("success", true);
		schemas.validateProtocolPayload("service_event", envelope.toMap());
		assertThat(ServiceEventEnvelope.fromMap(envelope.toMap())).isEqualTo(envelope);
		assertModelError(() -> new ServiceEventEnvelope(null, "req_1", "done", true, event), "/status",
				"service event status must be event");
		assertModelError(() -> new ServiceEventEnvelope(null, "req_1", "event", false, event), "/success",
				"service events must be successful");
	}

	@Test
	@SpecItem("AC-10.20")
	void helperEnvelopesValidateAndRoundTrip() {
		HelperRequest request = new HelperRequest("local-token", openApp(), Map.of("bundleId", "com.example.helper"));
		schemas.validateProtocolPayload("helper_request", request.toMap());
		assertThat(HelperRequest.fromMap(request.toMap())).isEqualTo(request);
		ToolObservation observation = ToolObservation.ok("cmd_1", "t", "o", "done", null);
		schemas.validateProtocolPayload("helper_response", HelperResponse.ok(observation).toMap());
		schemas.validateProtocolPayload("helper_response",
				HelperResponse.failed(new ToolError("not_ready", "Helper is not running.", true)).toMap());
		assertThat(HelperResponse.fromMap(HelperResponse.ok(observation).toMap()))
			.isEqualTo(HelperResponse.ok(observation));
		assertModelError(() -> new HelperResponse(null, false, observation.toMap(), new ToolError("x", "y"), null), "",
				"exactly one");
	}

	@Test
	@SpecItem("AC-10.32")
	void everyModelValidatesAgainstItsSchema() {
		ToolObservation ok = ToolObservation.ok("cmd_1", "t", "o", "done", Map.of("nested", List.of(1, 2.5)),
				Map.of("e", 1), Map.of("durationMs", 3), Map.of("m", true));
		ToolObservation failed = ToolObservation.failure("cmd_1", "t", "o", ToolStatus.TIMEOUT, notAllowed());
		ToolEvent event = new ToolEvent("cmd_1", 0, ToolEventType.STARTED, null, null, null, null);
		Map<String, List<Map<String, Object>>> payloads = Map.of("command",
				List.of(openApp().toMap(), new ToolCommand("c", "t", "o", null, null, "k", Map.of("a", 1)).toMap()),
				"observation", List.of(ok.toMap(), failed.toMap()), "event", List.of(event.toMap()), "error",
				List.of(notAllowed().toMap(), new ToolError("x", "y").toMap()), "service_request",
				List.of(ServiceRequest.run(openApp(), null).toMap(), ServiceRequest.submit(openApp(), "r", "t").toMap(),
						ServiceRequest.poll("r", "t").toMap(), ServiceRequest.stream(openApp(), "t").toMap()),
				"service_response",
				List.of(ServiceResponse.complete(failed, "r").toMap(), ServiceResponse.notFound("r").toMap(),
						ServiceResponse.failed(notAllowed(), null).toMap()),
				"service_event", List.of(new ServiceEventEnvelope("r", event).toMap()), "helper_request",
				List.of(new HelperRequest(null, openApp(), null).toMap()), "helper_response",
				List.of(HelperResponse.ok(ok).toMap(), HelperResponse.toolFailure(failed).toMap(),
						HelperResponse.failed(notAllowed()).toMap()));
		assertThat(payloads.keySet()).containsExactlyInAnyOrderElementsOf(ProtocolSchemas.protocolSchemaNames());
		payloads.forEach((schema, maps) -> maps
			.forEach((payload) -> assertThat(schemas.validateProtocolPayload(schema, payload)).isEqualTo(payload)));
	}

	@Test
	void readmeFailureExampleYieldsTheSpecPayload() {
		ToolError error = new ToolError("not_ready", "Helper is not running.", true, null, "readiness", "readiness",
				null);
		ToolObservation failure = ToolObservation.failure("cmd_1", "macos.computer_use", "readiness",
				ToolStatus.NOT_READY, error);
		assertThat(failure.toJson()).isEqualTo("{\"schema\":\"app_control.observation.v1\",\"commandId\":\"cmd_1\","
				+ "\"tool\":\"macos.computer_use\",\"operation\":\"readiness\",\"status\":\"not_ready\","
				+ "\"success\":false,\"summary\":\"Helper is not running.\",\"observation\":{},"
				+ "\"failureKind\":\"not_ready\",\"message\":\"Helper is not running.\",\"retryable\":true,"
				+ "\"error\":{\"failureKind\":\"not_ready\",\"message\":\"Helper is not running.\","
				+ "\"retryable\":true,\"phase\":\"readiness\",\"operation\":\"readiness\"}}");
	}

	@Test
	void lenientParseNormalizesPayloads() {
		Map<String, Object> messy = new LinkedHashMap<>();
		messy.put("command_id", " c ");
		messy.put("tool", "t");
		messy.put("operation", "o");
		messy.put("metadata", Map.of());
		messy.put("idempotencyKey", null);
		messy.put("unknown", "dropped");
		Map<String, Object> normalized = ToolCommand.fromMap(messy).toMap();
		assertThat(normalized).isEqualTo(Map.of("schema", ToolCommand.SCHEMA, "commandId", "c", "tool", "t",
				"operation", "o", "input", Map.of()));
		assertThat(ToolCommand.fromMap(normalized).toMap()).isEqualTo(normalized);
	}

	@Test
	void freeFormNumbersCompareByValueAndValuesAreImmutable() {
		List<Object> items = new ArrayList<>(List.of(1, 2));
		ToolCommand integral = new ToolCommand("c", "t", "o", Map.of("n", 1, "items", items), null);
		ToolCommand decimal = new ToolCommand("c", "t", "o", Map.of("n", 1.0, "items", List.of(1L, 2.0)), null);
		assertThat(integral).isEqualTo(decimal);
		items.add(3);
		assertThat(integral.input().get("items")).isEqualTo(List.of(1, 2));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> integral.input().put("x", 1));
		assertModelError(() -> new ToolCommand("c", "t", "o", Map.of("bad", new Object()), null), "/input/bad",
				"JSON value");
	}

	@Test
	void jacksonReadsAndWritesModelsAsWireObjects() {
		ToolObservation observation = ToolObservation.failure("c", "t", "o", ToolStatus.FAILED, notAllowed());
		String json = AppControlJson.mapper().writeValueAsString(observation);
		assertThat(json).isEqualTo(observation.toJson());
		assertThat(AppControlJson.mapper().readValue(json, ToolObservation.class)).isEqualTo(observation);
		assertThat(AppControlJson.mapper().readValue("\"not_ready\"", ToolStatus.class))
			.isEqualTo(ToolStatus.NOT_READY);
		assertThat(AppControlJson.mapper().writeValueAsString(ToolStatus.NOT_READY)).isEqualTo("\"not_ready\"");
		HelperRequest request = new HelperRequest(null, openApp(), null);
		assertThat(AppControlJson.mapper().writeValueAsString(request)).isEqualTo(request.toJson());
	}

}
