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

package io.github.agentprotocols.appcontrol.schema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Conformance checklist items 21-31 and the corpus of invalid payloads.
 */
class ProtocolSchemasTests {

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private static Map<String, Object> command(Object... extra) {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("schema", ToolCommand.SCHEMA, "commandId", "cmd_1",
				"tool", "macos.computer_use", "operation", "open_app", "input", Map.of()));
		for (int i = 0; i < extra.length; i += 2) {
			payload.put((String) extra[i], extra[i + 1]);
		}
		return payload;
	}

	private static ProtocolValidationException rejection(String schema, Object payload) {
		try {
			schemas.validateProtocolPayload(schema, payload);
		}
		catch (ProtocolValidationException ex) {
			assertThat(ex.getSchemaName()).isEqualTo(schema);
			return ex;
		}
		throw new AssertionError("expected " + payload + " to be rejected by " + schema);
	}

	private static ProtocolValidationException textRejection(String schema, String json) {
		try {
			schemas.validateProtocolJson(schema, json);
		}
		catch (ProtocolValidationException ex) {
			assertThat(ex.getSchemaName()).isEqualTo(schema);
			return ex;
		}
		throw new AssertionError("expected " + json + " to be rejected by " + schema);
	}

	@Test
	@SuppressWarnings("unchecked")
	@SpecItem("AC-10.21")
	void documentsAreDraft202012WithTheSpecRequiredAndEnumArrays() {
		assertThat(ProtocolSchemas.protocolSchemaNames()).containsExactly("command", "observation", "event", "error",
				"service_request", "service_response", "service_event", "helper_request", "helper_response");
		Map<String, Map<String, Object>> all = schemas.loadProtocolSchemas();
		assertThat(all.keySet()).containsExactlyElementsOf(ProtocolSchemas.protocolSchemaNames());
		all.values()
			.forEach((document) -> assertThat(document)
				.containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
				.containsEntry("type", "object")
				.containsEntry("additionalProperties", false));
		assertThat(all.get("error")).containsEntry("$id",
				"https://app-control.local/schemas/app_control.error.v1.schema.json");
		assertThat(all.get("command").get("required"))
			.isEqualTo(List.of("schema", "commandId", "tool", "operation", "input"));
		assertThat(all.get("observation").get("required")).isEqualTo(
				List.of("schema", "commandId", "tool", "operation", "status", "success", "summary", "observation"));
		assertThat(all.get("event").get("required")).isEqualTo(List.of("schema", "commandId", "seq", "type"));
		assertThat(all.get("error").get("required")).isEqualTo(List.of("failureKind", "message", "retryable"));
		assertThat(all.get("service_request").get("required")).isEqualTo(List.of("schema", "action"));
		assertThat(all.get("service_response").get("required")).isEqualTo(List.of("schema", "status", "success"));
		assertThat(all.get("service_event").get("required"))
			.isEqualTo(List.of("schema", "requestId", "status", "success", "event"));
		assertThat(all.get("helper_request").get("required")).isEqualTo(List.of("schema", "command"));
		assertThat(all.get("helper_response").get("required")).isEqualTo(List.of("schema", "success"));
		Map<String, Object> observationProperties = (Map<String, Object>) all.get("observation").get("properties");
		assertThat(((Map<String, Object>) observationProperties.get("status")).get("enum"))
			.isEqualTo(List.of("ok", "not_found", "not_ready", "permission_missing", "timeout", "failed", "unknown"));
		Map<String, Object> eventProperties = (Map<String, Object>) all.get("event").get("properties");
		assertThat(((Map<String, Object>) eventProperties.get("type")).get("enum"))
			.isEqualTo(List.of("started", "progress", "observation", "warning", "error"));
		Map<String, Object> requestProperties = (Map<String, Object>) all.get("service_request").get("properties");
		assertThat(((Map<String, Object>) requestProperties.get("action")).get("enum"))
			.isEqualTo(List.of("run", "submit", "poll", "stream"));
		Map<String, Object> responseProperties = (Map<String, Object>) all.get("service_response").get("properties");
		assertThat(((Map<String, Object>) responseProperties.get("status")).get("enum"))
			.isEqualTo(List.of("complete", "not_found", "failed"));
		assertThat(schemas.loadProtocolSchema("service-request")).isEqualTo(all.get("service_request"));
		assertThatIllegalArgumentException().isThrownBy(() -> schemas.loadProtocolSchema("commands"))
			.withMessage("unknown protocol schema: commands");
	}

	@Test
	@SpecItem("AC-10.21")
	void schemaFilesSitWhereThePythonWheelPutsThem() throws IOException {
		for (String name : ProtocolSchemas.protocolSchemaNames()) {
			try (InputStream in = getClass().getClassLoader()
				.getResourceAsStream("app_control_protocol/schemas/" + ProtocolSchemas.fileName(name))) {
				assertThat(in).as(name).isNotNull();
			}
		}
		assertThat(ProtocolSchemas.fileName("service_request")).isEqualTo("service-request.schema.json");
	}

	@Test
	@SpecItem("AC-10.22")
	void validCommandIsReturnedUnchanged() {
		Map<String, Object> payload = command("input", Map.of("selector", Map.of("role", "button", "index", 2)),
				"timeoutMs", 1000, "metadata", Map.of("caller", "agent"));
		assertThat(schemas.validateProtocolPayload("command", payload)).isEqualTo(payload);
		assertThat(schemas.validateProtocolJson("command", AppControlJson.write(payload))).isEqualTo(payload);
	}

	@Test
	@SpecItem("AC-10.23")
	void missingPropertyPointsAtTheProperty() {
		Map<String, Object> payload = command();
		payload.remove("commandId");
		ProtocolValidationException ex = rejection("command", payload);
		assertThat(ex.getPointer()).isEqualTo("/commandId");
		assertThat(ex.getPath()).isEqualTo("$.commandId");
		assertThat(ex.getKeyword()).isEqualTo("required");
		assertThat(ex.getMessage()).contains("commandId");
	}

	@Test
	@SpecItem("AC-10.24")
	void unknownPropertyIsNotAllowed() {
		ProtocolValidationException ex = rejection("command", command("extra", true));
		assertThat(ex.getPointer()).isEqualTo("/extra");
		assertThat(ex.getKeyword()).isEqualTo("additionalProperties");
		assertThat(ex.getMessage()).contains("not allowed");
	}

	@Test
	@SpecItem("AC-10.25")
	void snakeCaseIsStrictlyInvalidButLenientlyParsed() {
		Map<String, Object> snake = new HashMap<>(command());
		snake.put("command_id", snake.remove("commandId"));
		assertThat(rejection("command", snake).getKeyword()).isIn("required", "additionalProperties");
		assertThat(ToolCommand.fromMap(snake).commandId()).isEqualTo("cmd_1");
	}

	@Test
	@SpecItem("AC-10.26")
	void okObservationMustBeSuccessful() {
		Map<String, Object> payload = Map.of("schema", "app_control.observation.v1", "commandId", "c", "tool", "t",
				"operation", "o", "status", "ok", "success", false, "summary", "s", "observation", Map.of());
		ProtocolValidationException ex = rejection("observation", payload);
		assertThat(ex.getPointer()).isEqualTo("/success");
		assertThat(ex.getKeyword()).isEqualTo("const");
	}

	@Test
	@SpecItem("AC-10.27")
	void runRequestNeedsACommandWhilePollNeedsOnlyARequestId() {
		ProtocolValidationException ex = rejection("service_request",
				Map.of("schema", "app_control.service.request.v1", "action", "run"));
		assertThat(ex.getMessage()).contains("command");
		assertThat(schemas.validateProtocolPayload("service_request",
				Map.of("schema", "app_control.service.request.v1", "action", "poll", "requestId", "req_1")))
			.containsEntry("requestId", "req_1");
	}

	@Test
	@SpecItem("AC-10.28")
	void failedResponseNeedsAClosedError() {
		ProtocolValidationException missing = rejection("service_response",
				Map.of("schema", "app_control.service.response.v1", "status", "failed", "success", false));
		assertThat(missing.getMessage()).contains("error");
		ProtocolValidationException extra = rejection("service_response",
				Map.of("schema", "app_control.service.response.v1", "status", "failed", "success", false, "error",
						Map.of("failureKind", "x", "message", "y", "retryable", false, "foo", 1)));
		assertThat(extra.getPointer()).isEqualTo("/error/foo");
	}

	@Test
	@SpecItem("AC-10.29")
	void helperEnvelopesNeedACommandAndExactlyOneOfObservationOrError() {
		Map<String, Object> error = Map.of("failureKind", "x", "message", "y", "retryable", false);
		assertThat(rejection("helper_request", Map.of("schema", "app_control.helper.request.v1")).getPointer())
			.isEqualTo("/command");
		assertThat(rejection("helper_response", Map.of("schema", "app_control.helper.response.v1", "success", true))
			.getMessage()).contains("observation");
		ProtocolValidationException both = rejection("helper_response", Map.of("schema",
				"app_control.helper.response.v1", "success", false, "observation", Map.of(), "error", error));
		assertThat(both.getKeyword()).isEqualTo("oneOf");
		assertThat(both.getMessage()).contains("matched 2");
		ProtocolValidationException neither = rejection("helper_response",
				Map.of("schema", "app_control.helper.response.v1", "success", false));
		assertThat(neither.getKeyword()).isEqualTo("oneOf");
		assertThat(neither.getMessage()).contains("matched 0");
		schemas.validateProtocolPayload("helper_response",
				Map.of("schema", "app_control.helper.response.v1", "success", false, "error", error));
	}

	@Test
	@SpecItem("AC-10.30")
	void serviceEventConstantsAreStrict() {
		Map<String, Object> event = Map.of("schema", "app_control.event.v1", "commandId", "c", "seq", 0, "type",
				"started");
		assertThat(rejection("service_event", Map.of("schema", "app_control.service.event.v1", "requestId", "r",
				"status", "event", "success", 1, "event", event))
			.getPointer()).isEqualTo("/success");
		assertThat(rejection("service_event", Map.of("schema", "app_control.service.event.v1", "requestId", "r",
				"status", "complete", "success", true, "event", event))
			.getPointer()).isEqualTo("/status");
	}

	@Test
	@SpecItem("AC-10.31")
	void freeFormMapsHoldAnyJsonButMustBeObjects() {
		List<Object> nested = new ArrayList<>();
		nested.add(1);
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("b", null);
		nested.add(withNull);
		schemas.validateProtocolPayload("command", command("input", Map.of("a", nested, "c", 1.5)));
		ProtocolValidationException array = rejection("command", command("input", List.of()));
		assertThat(array.getPointer()).isEqualTo("/input");
		assertThat(array.getKeyword()).isEqualTo("type");
		Map<String, Object> nullMetadata = command();
		nullMetadata.put("metadata", null);
		assertThat(rejection("command", nullMetadata).getPointer()).isEqualTo("/metadata");
	}

	@Test
	void textThatIsNotAJsonObjectIsRejected() {
		assertThat(textRejection("command", "{not json").getKeyword()).isEqualTo("syntax");
		assertThat(textRejection("command", "[]").getKeyword()).isEqualTo("type");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1e308", "-1e308", "123456789012345678901234567890.5", "1000.0", "1e3" })
	@SpecItem("AC-10.5")
	void numbersWithAFractionOrExponentInIntegerFieldsAreTypeErrorsHoweverLarge(String number) {
		String command = "{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\","
				+ "\"operation\":\"o\",\"input\":{},\"timeoutMs\":" + number + "}";
		ProtocolValidationException text = textRejection("command", command);
		assertThat(text.getPointer()).isEqualTo("/timeoutMs");
		assertThat(text.getKeyword()).isEqualTo("type");
		assertThat(text.getMessage()).isEqualTo("$.timeoutMs must be an integer");
		ProtocolValidationException tree = rejection("command", AppControlJson.readTree(command));
		assertThat(tree.getPointer()).isEqualTo("/timeoutMs");
		ProtocolValidationException event = textRejection("event", "{\"schema\":\"app_control.event.v1\","
				+ "\"commandId\":\"c\",\"seq\":" + number + ",\"type\":\"started\"}");
		assertThat(event.getPointer()).isEqualTo("/seq");
		assertThat(event.getKeyword()).isEqualTo("type");
		ProtocolValidationException envelope = textRejection("service_event",
				"{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"r\",\"status\":\"event\","
						+ "\"success\":true,\"event\":{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\","
						+ "\"seq\":" + number + ",\"type\":\"started\"}}");
		assertThat(envelope.getPointer()).isEqualTo("/event/seq");
	}

	@Test
	void hugeNumbersGivenAsJavaValuesAreTypeErrorsToo() {
		for (Object number : List.of(1e308, new BigDecimal("123456789012345678901234567890.5"), 1.5f)) {
			ProtocolValidationException ex = rejection("command", command("timeoutMs", number));
			assertThat(ex.getPointer()).isEqualTo("/timeoutMs");
			assertThat(ex.getKeyword()).isEqualTo("type");
		}
		assertThat(rejection("command", command("timeoutMs", Double.NaN)).getPointer()).isEqualTo("/timeoutMs");
	}

	@Test
	void integersBeyondTheLongRangeAreOutOfRangeAsTheModelsSay() {
		for (Object big : List.of(BigInteger.ONE.shiftLeft(63), BigInteger.TEN.pow(30))) {
			ProtocolValidationException ex = rejection("command", command("timeoutMs", big));
			assertThat(ex.getPointer()).isEqualTo("/timeoutMs");
			assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.LIMIT);
			assertThat(ex.getMessage()).startsWith("timeoutMs is out of range");
		}
		Map<String, Object> payload = command("timeoutMs", BigInteger.TEN.pow(30));
		payload.remove("commandId");
		assertThat(rejection("command", payload).getKeyword()).as("a missing property is reported first")
			.isEqualTo("required");
		assertThat(rejection("command", command("timeoutMs", BigInteger.TEN.pow(30).negate())).getKeyword())
			.isEqualTo("minimum");
	}

	@Test
	void missingPropertyIsStillReportedBeforeAnOversizedNumber() {
		Map<String, Object> payload = command("timeoutMs", 1e308);
		payload.remove("commandId");
		ProtocolValidationException ex = rejection("command", payload);
		assertThat(ex.getPointer()).isEqualTo("/commandId");
		assertThat(ex.getKeyword()).isEqualTo("required");
	}

	@Test
	void integersBeyondTheIntRangeAreSchemaValid() {
		for (Object big : List.of(1L << 31, Long.MAX_VALUE)) {
			assertThat(schemas.validateProtocolPayload("command", command("timeoutMs", big))).containsEntry("timeoutMs",
					big);
		}
		assertThat(schemas.validateProtocolJson("event",
				"{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\",\"seq\":4294967296,\"type\":\"started\"}"))
			.containsEntry("seq", 4294967296L);
	}

	@ParameterizedTest(name = "{0} levels")
	@ValueSource(ints = { 1_000, 100_000 })
	void deeplyNestedMapsAreADepthError(int levels) {
		Map<String, Object> input = new HashMap<>();
		Map<String, Object> current = input;
		for (int i = 1; i < levels; i++) {
			Map<String, Object> child = new HashMap<>();
			current.put("a", child);
			current = child;
		}
		ProtocolValidationException ex = rejection("command", command("input", input));
		assertThat(ex.getKeyword()).isEqualTo("depth");
		assertThat(ex.getPointer()).startsWith("/input/a/a");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "[", "{\"a\":" })
	void deeplyNestedTreesAreTheDepthErrorTheirTextAndMapsGive(String opening) {
		String text = deep(opening, 600);
		ProtocolValidationException fromText = assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> schemas.validateProtocolJson("command", text))
			.actual();
		assertThat(fromText.getKeyword()).isEqualTo("depth");
		for (Object payload : List.of(tree(opening, 600), deepValue(opening, 600))) {
			ProtocolValidationException ex = rejection("command", payload);
			assertThat(ex.getKeyword()).as("%s", payload.getClass()).isEqualTo("depth");
			assertThat(ex.getPointer()).as("%s", payload.getClass()).isEqualTo(fromText.getPointer());
		}
	}

	private static String deep(String opening, int levels) {
		return opening.repeat(levels) + "1" + ((opening.length() == 1) ? "]" : "}").repeat(levels);
	}

	private static Object deepValue(String opening, int levels) {
		Object value = 1;
		for (int i = 0; i < levels; i++) {
			value = (opening.length() == 1) ? List.of(value) : Map.of("a", value);
		}
		return value;
	}

	/** A tree built node by node, {@code levels} containers deep. */
	private static JsonNode tree(String opening, int levels) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode value = nodes.numberNode(1);
		for (int i = 0; i < levels; i++) {
			value = (opening.length() == 1) ? nodes.arrayNode().add(value) : nodes.objectNode().set("a", value);
		}
		return value;
	}

	@Test
	void mapsAndTreesThatContainThemselvesAreADepthError() {
		Map<String, Object> loop = new HashMap<>();
		loop.put("again", loop);
		assertThat(rejection("command", command("metadata", loop)).getKeyword()).isEqualTo("depth");
		ObjectNode tree = (ObjectNode) AppControlJson.mapper().valueToTree(command());
		ObjectNode input = tree.putObject("input");
		input.set("again", input);
		assertThat(rejection("command", tree).getKeyword()).isEqualTo("depth");
	}

	@Test
	void stringPayloadIsAJsonStringNotJsonText() {
		String json = AppControlJson.write(command());
		ProtocolValidationException ex = rejection("command", json);
		assertThat(ex.getPointer()).isEmpty();
		assertThat(ex.getKeyword()).isEqualTo("type");
		assertThat(ex.getMessage()).isEqualTo("$ must be an object");
		ProtocolValidationException quoted = textRejection("command", AppControlJson.mapper().writeValueAsString(json));
		assertThat(quoted.getKeyword()).isEqualTo("type");
		assertThat(schemas.validateProtocolJson("command", json)).isEqualTo(command());
	}

	@Test
	void malformedTextIsASyntaxErrorOfTheSchema() {
		ProtocolValidationException duplicate = textRejection("service_request",
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"a\",\"requestId\":\"b\"}");
		assertThat(duplicate.getKeyword()).isEqualTo("syntax");
		assertThat(duplicate.getPointer()).isEqualTo("/requestId");
		assertThat(duplicate.getMessage()).contains("duplicate key \"requestId\"");
		assertThat(duplicate.getCause()).isNotNull();
		assertThat(textRejection("command", "\uFEFF{}").getMessage()).contains("byte order mark");
	}

	@Test
	void modelsAreValidatedAsTheirWireObjects() {
		ToolCommand command = new ToolCommand("c", "t", "o");
		assertThat(schemas.validateProtocolPayload("command", command)).isEqualTo(command.toMap());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPayloads")
	void invalidPayloadIsRejectedWithItsPointerAndKeyword(String name, String schema, Object payload, String pointer,
			String keyword) {
		ProtocolValidationException ex = rejection(schema, payload);
		assertThat(ex.getPointer()).as("pointer").isEqualTo(pointer);
		assertThat(ex.getKeyword()).as("keyword").isEqualTo(keyword);
	}

	static Stream<Arguments> invalidPayloads() throws IOException {
		try (InputStream in = ProtocolSchemasTests.class.getClassLoader()
			.getResourceAsStream("app_control_protocol/invalid-payloads.json")) {
			List<Map<String, Object>> cases = AppControlJson.mapper().readValue(in, new TypeReference<>() {
			});
			assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
			return cases.stream()
				.map((c) -> Arguments.of(c.get("name"), c.get("schema"), c.get("payload"), c.get("pointer"),
						c.get("keyword")));
		}
	}

	@Test
	void eachSchemaIsCompiledWhenItFirstValidatesAPayload() {
		ProtocolSchemas fresh = new ProtocolSchemas();
		assertThat(ProtocolSchemas.protocolSchemaNames()).noneMatch(fresh::isCompiled);
		assertThat(fresh.loadProtocolSchemas()).hasSize(9);
		fresh.validateProtocolPayload("command", command());
		assertThat(ProtocolSchemas.protocolSchemaNames()).filteredOn(fresh::isCompiled).containsExactly("command");
	}

	@Test
	void schemaCompiledOnFirstUseRejectsAndAcceptsAsACompiledOneDoes() {
		ProtocolSchemas fresh = new ProtocolSchemas();
		Map<String, Object> invalid = command("timeoutMs", 1000.5);
		ProtocolValidationException expected = rejection("command", invalid);
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> fresh.validateProtocolPayload("command", invalid))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isEqualTo(expected.getMessage());
				assertThat(ex.getSchemaName()).isEqualTo("command");
			});
		assertThat(fresh.validateProtocolPayload("command", command()))
			.isEqualTo(schemas.validateProtocolPayload("command", command()));
	}

	@Test
	void firstUsesFromManyThreadsAtOnceAllValidate() throws Exception {
		ProtocolSchemas fresh = new ProtocolSchemas();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Map<String, Object>>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return fresh.validateProtocolPayload("command", command());
				}));
			}
			start.countDown();
			for (Future<Map<String, Object>> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS)).containsEntry("commandId", "cmd_1");
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
