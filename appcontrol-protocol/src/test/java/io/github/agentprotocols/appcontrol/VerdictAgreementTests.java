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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validators ({@code validateProtocolJson}, {@code validateProtocolPayload} given a
 * Jackson tree, plain maps, or maps holding Jackson nodes) and the models
 * ({@code fromJson}, {@code fromMap} given the same three forms) give one verdict, with
 * the same pointer and keyword, for the inputs where they used to disagree (issue 37).
 */
class VerdictAgreementTests {

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private static final String COMMAND = "{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\","
			+ "\"operation\":\"o\",\"input\":%s%s}";

	private static final String EVENT = "{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\",\"seq\":%s,"
			+ "\"type\":\"progress\"}";

	private static final String SERVICE_EVENT = "{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"r\","
			+ "\"status\":\"event\",\"success\":true,\"event\":" + EVENT + "}";

	private static final String SERVICE_REQUEST = "{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
			+ "\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\"%s}}";

	private static final String HELPER_REQUEST = "{\"schema\":\"app_control.helper.request.v1\","
			+ "\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\"%s}}";

	private static final Map<String, Function<Map<String, ?>, Object>> MODELS = Map.of("command", ToolCommand::fromMap,
			"event", ToolEvent::fromMap, "service_event", ServiceEventEnvelope::fromMap, "service_request",
			ServiceRequest::fromMap, "helper_request", HelperRequest::fromMap);

	/**
	 * Inputs: the schema, the JSON text, and the pointer and keyword of the refusal
	 * (null: accepted everywhere).
	 */
	static Stream<Arguments> inputs() {
		String inputDeeperThanTheLimit = "{\"a\":".repeat(AppControlJson.MAX_DEPTH - 1) + "{}"
				+ "}".repeat(AppControlJson.MAX_DEPTH - 1);
		String arraysDeeperThanTheLimit = "{\"x\":" + "[".repeat(AppControlJson.MAX_DEPTH - 1)
				+ "]".repeat(AppControlJson.MAX_DEPTH - 1) + "}";
		return Stream.of(
				Arguments.of("timeoutMs of 2^63", "command",
						COMMAND.formatted("{}", ",\"timeoutMs\":9223372036854775808"), "/timeoutMs", "limit"),
				Arguments.of("timeoutMs of 10^30", "command",
						COMMAND.formatted("{}", ",\"timeoutMs\":1000000000000000000000000000000"), "/timeoutMs",
						"limit"),
				Arguments.of("timeoutMs of 2^63 - 1", "command",
						COMMAND.formatted("{}", ",\"timeoutMs\":9223372036854775807"), null, null),
				Arguments.of("seq of 2^63", "event", EVENT.formatted("9223372036854775808"), "/seq", "limit"),
				Arguments.of("seq of 2^63 in a service event", "service_event",
						SERVICE_EVENT.formatted("9223372036854775808"), "/event/seq", "limit"),
				Arguments.of("input null", "command", COMMAND.formatted("null", ""), "/input", "type"),
				Arguments.of("timeoutMs of 2^63 in a service request's command", "service_request",
						SERVICE_REQUEST.formatted(",\"timeoutMs\":9223372036854775808"), "/command/timeoutMs", "limit"),
				Arguments.of("timeout_ms of -2^63 - 1 in a helper request's command", "helper_request",
						HELPER_REQUEST.formatted(",\"timeout_ms\":-9223372036854775809"), "/command/timeoutMs",
						"limit"),
				Arguments.of("timeoutMs of 2^63 - 1 in a service request's command", "service_request",
						SERVICE_REQUEST.formatted(",\"timeoutMs\":9223372036854775807"), null, null),
				Arguments.of("input null in a service request's command", "service_request",
						SERVICE_REQUEST.formatted(",\"input\":null"), "/command/input", "type"),
				Arguments.of("input null in a helper request's command", "helper_request",
						HELPER_REQUEST.formatted(",\"input\":null"), "/command/input", "type"),
				Arguments.of("input missing in a service request's command", "service_request",
						SERVICE_REQUEST.formatted(""), null, null),
				Arguments.of("a lone surrogate in an unknown member", "command",
						COMMAND.formatted("{}", ",\"extra\":{\"k\":\"\\ud800\"}"), "/extra/k", "unicode"),
				Arguments.of("lone surrogates in two members, metadata first", "command",
						"{\"metadata\":{\"x\":\"\\ud800\"},\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
								+ "\"input\":{\"y\":\"\\udc00\"}}",
						"/metadata/x", "unicode"),
				Arguments.of("free-form values", "command",
						COMMAND.formatted("{\"a\":[1,{\"b\":null}],\"c\":1.5,\"d\":\"x\"}",
								",\"metadata\":{\"k\":true}"),
						null, null),
				Arguments.of("input nested beyond the limit", "command", COMMAND.formatted(inputDeeperThanTheLimit, ""),
						"/input" + "/a".repeat(AppControlJson.MAX_DEPTH - 1), "depth"),
				Arguments.of("arrays nested beyond the limit", "command",
						COMMAND.formatted(arraysDeeperThanTheLimit, ""),
						"/input/x" + "/0".repeat(AppControlJson.MAX_DEPTH - 2), "depth"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void validatorsAndModelsGiveOneVerdict(String name, String schema, String json, @Nullable String pointer,
			@Nullable String keyword) {
		Function<Map<String, ?>, Object> model = MODELS.get(schema);
		Map<String, Function<String, Object>> entryPoints = new LinkedHashMap<>();
		entryPoints.put("validateProtocolJson", (text) -> schemas.validateProtocolJson(schema, text));
		entryPoints.put("validateProtocolPayload(tree)",
				(text) -> schemas.validateProtocolPayload(schema, AppControlJson.readTree(text)));
		entryPoints.put("validateProtocolPayload(map)",
				(text) -> schemas.validateProtocolPayload(schema, AppControlJson.readObject(text)));
		entryPoints.put("validateProtocolPayload(map of nodes)",
				(text) -> schemas.validateProtocolPayload(schema, mapOfNodes(text)));
		entryPoints.put("fromMap(map)", (text) -> model.apply(AppControlJson.readObject(text)));
		entryPoints.put("fromMap(map of nodes)", (text) -> model.apply(mapOfNodes(text)));
		String expected = (pointer != null) ? pointer + " " + keyword : "accepted";
		entryPoints.forEach((entryPoint, call) -> {
			String answer;
			try {
				call.apply(json);
				answer = "accepted";
			}
			catch (ProtocolValidationException ex) {
				answer = ex.getPointer() + " " + ex.getKeyword();
				if ("depth".equals(keyword)) {
					assertThat(ex.getMessage()).as(entryPoint)
						.startsWith(JsonPointers.toPath(pointer).substring(0, 20));
				}
			}
			assertThat(answer).as("%s: %s", name, entryPoint).isEqualTo(expected);
		});
	}

	@Test
	void modelParsedFromMapsOfNodesEqualsTheOneParsedFromPlainMaps() {
		String json = COMMAND.formatted("{\"a\":[1,{\"b\":null}],\"c\":1.5}",
				",\"timeoutMs\":5,\"idempotencyKey\":\"k\"");
		ToolCommand fromNodes = ToolCommand.fromMap(mapOfNodes(json));
		assertThat(fromNodes).isEqualTo(ToolCommand.fromJson(json));
		assertThat(fromNodes.toMap()).isEqualTo(schemas.validateProtocolPayload("command", mapOfNodes(json)));
	}

	@Test
	void jacksonNodesAnywhereInAMapAreReadAsTheirValues() {
		ObjectNode input = JsonNodeFactory.instance.objectNode();
		input.putArray("items").add(1).addObject().put("b", "x");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("commandId", JsonNodeFactory.instance.stringNode("c"));
		payload.put("tool", "t");
		payload.put("operation", "o");
		payload.put("input", Map.of("node", input, "list", List.of(JsonNodeFactory.instance.numberNode(2.5))));
		ToolCommand command = ToolCommand.fromMap(payload);
		assertThat(command.commandId()).isEqualTo("c");
		assertThat(command.input())
			.isEqualTo(Map.of("node", Map.of("items", List.of(1, Map.of("b", "x"))), "list", List.of(2.5)));
	}

	@Test
	void trueIsNoSeq() {
		String json = EVENT.formatted("true");
		List<Runnable> entryPoints = List.of(() -> schemas.validateProtocolJson("event", json),
				() -> schemas.validateProtocolPayload("event", mapOfNodes(json)), () -> ToolEvent.fromJson(json),
				() -> ToolEvent.fromMap(mapOfNodes(json)));
		for (Runnable entryPoint : entryPoints) {
			ProtocolValidationException ex = org.assertj.core.api.Assertions
				.catchThrowableOfType(ProtocolValidationException.class, entryPoint::run);
			assertThat(ex).isNotNull();
			assertThat(ex.getPointer()).isEqualTo("/seq");
			assertThat(ex.getMessage()).contains("seq must be an integer");
		}
	}

	@Test
	void depthErrorsNameTheFullPathWhateverTheEntryPoint() {
		String expected = "/input" + "/a".repeat(AppControlJson.MAX_DEPTH - 1);
		Map<String, Object> input = new LinkedHashMap<>();
		Map<String, Object> current = input;
		for (int i = 1; i < AppControlJson.MAX_DEPTH; i++) {
			Map<String, Object> child = new LinkedHashMap<>();
			current.put("a", child);
			current = child;
		}
		Map<String, Object> payload = new LinkedHashMap<>(
				Map.of("schema", ToolCommand.SCHEMA, "commandId", "c", "tool", "t", "operation", "o"));
		payload.put("input", input);
		String text = COMMAND.formatted(
				"{\"a\":".repeat(AppControlJson.MAX_DEPTH - 1) + "{}" + "}".repeat(AppControlJson.MAX_DEPTH - 1), "");
		List<Function<Object, Object>> entryPoints = List.of(
				(value) -> schemas.validateProtocolPayload("command", value), (value) -> ToolCommand.fromMap(payload),
				(value) -> new ToolCommand("c", "t", "o", input, null),
				(value) -> schemas.validateProtocolJson("command", text), (value) -> ToolCommand.fromJson(text));
		for (Function<Object, Object> entryPoint : entryPoints) {
			ProtocolValidationException ex = org.assertj.core.api.Assertions
				.catchThrowableOfType(ProtocolValidationException.class, () -> entryPoint.apply(payload));
			assertThat(ex).isNotNull();
			assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.DEPTH);
			assertThat(ex.getPointer()).isEqualTo(expected);
			assertThat(ex.getMessage()).startsWith("$.input.a.a.a").contains("nested more than 500 levels deep");
		}
	}

	/** The object as a map whose values are Jackson nodes. */
	private static Map<String, Object> mapOfNodes(String json) {
		JsonNode tree = AppControlJson.readTree(json);
		Map<String, Object> map = new LinkedHashMap<>();
		tree.properties().forEach((property) -> map.put(property.getKey(), property.getValue()));
		return map;
	}

}
