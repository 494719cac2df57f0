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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchemaCheck} accepts exactly the payloads the validator library accepts, and
 * {@link ProtocolSchemas} reports the same errors with it as without it.
 */
class SchemaCheckTests {

	private static final List<String> VALID = List.of(
			"{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
					+ "\"input\":{\"a\":[1,2.5,null,{\"b\":true}]},\"timeoutMs\":1000,\"idempotencyKey\":\"k\","
					+ "\"metadata\":{\"m\":\"v\"}}",
			"{\"schema\":\"app_control.observation.v1\",\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
					+ "\"status\":\"ok\",\"success\":true,\"summary\":\"s\",\"observation\":{\"x\":1},"
					+ "\"evidence\":{},\"timing\":{\"elapsedMs\":3},\"metadata\":{}}",
			"{\"schema\":\"app_control.observation.v1\",\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
					+ "\"status\":\"failed\",\"success\":false,\"summary\":\"s\",\"observation\":{},"
					+ "\"failureKind\":\"f\",\"message\":\"m\",\"recoveryHint\":\"h\",\"retryable\":false,"
					+ "\"error\":{\"failureKind\":\"f\",\"message\":\"m\",\"retryable\":false,\"recoveryHint\":\"h\","
					+ "\"phase\":\"p\",\"operation\":\"o\",\"evidence\":{}}}",
			"{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\",\"seq\":0,\"type\":\"progress\","
					+ "\"phase\":\"p\",\"status\":\"ok\",\"summary\":\"s\",\"data\":{\"d\":[]}}",
			"{\"failureKind\":\"f\",\"message\":\"m\",\"retryable\":true,\"recoveryHint\":\"h\",\"phase\":\"p\","
					+ "\"operation\":\"o\",\"evidence\":{\"e\":1}}",
			"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"requestId\":\"r\",\"token\":\"t\","
					+ "\"command\":{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\","
					+ "\"operation\":\"o\",\"input\":{}}}",
			"{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"r\"}",
			"{\"schema\":\"app_control.service.response.v1\",\"requestId\":\"r\",\"status\":\"complete\","
					+ "\"success\":true,\"observation\":{\"o\":1}}",
			"{\"schema\":\"app_control.service.response.v1\",\"status\":\"failed\",\"success\":false,"
					+ "\"error\":{\"failureKind\":\"f\",\"message\":\"m\",\"retryable\":false}}",
			"{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"r\",\"status\":\"event\",\"success\":true,"
					+ "\"event\":{\"schema\":\"app_control.event.v1\",\"commandId\":\"c\",\"seq\":2,"
					+ "\"type\":\"started\",\"extra\":1}}",
			"{\"schema\":\"app_control.helper.request.v1\",\"token\":\"t\",\"command\":{\"commandId\":\"c\","
					+ "\"tool\":\"t\",\"operation\":\"o\",\"input\":{}},\"metadata\":{}}",
			"{\"schema\":\"app_control.helper.response.v1\",\"success\":true,\"observation\":{},\"metadata\":{}}",
			"{\"schema\":\"app_control.helper.response.v1\",\"success\":false,"
					+ "\"error\":{\"failureKind\":\"f\",\"message\":\"m\",\"retryable\":true}}");

	private static final List<String> SCHEMAS = List.of("command", "observation", "observation", "event", "error",
			"service_request", "service_request", "service_response", "service_response", "service_event",
			"helper_request", "helper_response", "helper_response");

	/** Values put in every property, declared or not, of each valid payload. */
	private static final List<@Nullable Object> REPLACEMENTS = replacements();

	private final ProtocolSchemas withChecks = new ProtocolSchemas();

	private final ProtocolSchemas libraryOnly = new ProtocolSchemas(false);

	private final Map<String, SchemaCheck> checks = new HashMap<>();

	private static List<@Nullable Object> replacements() {
		List<@Nullable Object> values = new ArrayList<>(
				List.of(true, false, 0, -1, 1, 2, 1L << 40, 1.5, 1000.0, "", " ", "x", "ok", "failed", "complete",
						"event", "poll", "run", "started", List.of(), List.of(1), Map.of(), Map.of("a", 1)));
		values.add(null);
		return values;
	}

	@Test
	void everyValidPayloadIsAcceptedByTheCheck() {
		for (int i = 0; i < VALID.size(); i++) {
			String schema = SCHEMAS.get(i);
			Map<String, Object> payload = AppControlJson.readObject(VALID.get(i));
			assertThat(outcome(this.libraryOnly, schema, payload)).as(VALID.get(i)).isEqualTo("valid");
			assertThat(checkAccepts(schema, payload)).as(VALID.get(i)).isTrue();
		}
	}

	@Test
	void everyInvalidPayloadOfTheCorpusIsRefusedByTheCheckWithTheLibrarysError() throws IOException {
		List<Map<String, Object>> cases = invalidPayloads();
		for (Map<String, Object> invalid : cases) {
			String schema = (String) invalid.get("schema");
			Object payload = invalid.get("payload");
			String expected = outcome(this.libraryOnly, schema, payload);
			assertThat(expected).as((String) invalid.get("name")).isNotEqualTo("valid");
			assertThat(outcome(this.withChecks, schema, payload)).as((String) invalid.get("name")).isEqualTo(expected);
			if (payload instanceof Map<?, ?>) {
				assertThat(checkAccepts(schema, payload)).as((String) invalid.get("name")).isFalse();
			}
		}
	}

	@Test
	void payloadsWithAPropertyRemovedOrReplacedAreAcceptedExactlyAsTheLibraryAcceptsThem() {
		int valid = 0;
		int invalid = 0;
		for (int i = 0; i < VALID.size(); i++) {
			String schema = SCHEMAS.get(i);
			for (Map<String, Object> variant : variants(schema, AppControlJson.readObject(VALID.get(i)))) {
				String expected = outcome(this.libraryOnly, schema, variant);
				assertThat(outcome(this.withChecks, schema, variant)).as("%s %s", schema, variant).isEqualTo(expected);
				// the check is the library's: it accepts what only NestedCommands refuses
				assertThat(checkAccepts(schema, variant)).as("%s %s", schema, variant)
					.isEqualTo("valid".equals(expected) || expected.equals(nestedCommandRefusal(schema, variant)));
				if ("valid".equals(expected)) {
					valid++;
				}
				else {
					invalid++;
				}
			}
		}
		assertThat(valid).isGreaterThan(200);
		assertThat(invalid).isGreaterThan(1000);
	}

	@Test
	void aDocumentWithAKeywordTheCheckDoesNotKnowHasNoCheck() {
		JsonNode document = AppControlJson.mapper()
			.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^a\"}}}");
		assertThat(SchemaCheck.compile(document)).isNull();
		JsonNode known = AppControlJson.mapper()
			.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"minLength\":2}}}");
		SchemaCheck check = Objects.requireNonNull(SchemaCheck.compile(known));
		assertThat(check.accepts(Map.of("a", "ab"))).isTrue();
		assertThat(check.accepts(Map.of("a", "\uD83D\uDE00"))).as("one code point").isFalse();
	}

	/**
	 * The payload with each property (declared by the schema or present, nested objects'
	 * included) removed, and set to each of {@link #REPLACEMENTS}.
	 */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> variants(String schema, Map<String, Object> payload) {
		List<String> names = new ArrayList<>(payload.keySet());
		Map<String, Object> properties = (Map<String, Object>) this.libraryOnly.loadProtocolSchema(schema)
			.get("properties");
		properties.keySet().stream().filter((name) -> !names.contains(name)).forEach(names::add);
		List<Map<String, Object>> variants = removedOrReplaced(payload, names);
		for (String name : names) {
			if (payload.get(name) instanceof Map<?, ?> nested && !nested.isEmpty()) {
				Map<String, Object> object = (Map<String, Object>) nested;
				for (Map<String, Object> nestedVariant : removedOrReplaced(object, new ArrayList<>(object.keySet()))) {
					Map<String, Object> replaced = new LinkedHashMap<>(payload);
					replaced.put(name, nestedVariant);
					variants.add(replaced);
				}
			}
		}
		return variants;
	}

	/**
	 * The object with each of the names and {@code unknown} removed, and set to each of
	 * {@link #REPLACEMENTS}.
	 */
	private static List<Map<String, Object>> removedOrReplaced(Map<String, Object> object, List<String> names) {
		List<Map<String, Object>> variants = new ArrayList<>();
		List<String> all = new ArrayList<>(names);
		all.add("unknown");
		for (String name : all) {
			Map<String, Object> removed = new LinkedHashMap<>(object);
			removed.remove(name);
			variants.add(removed);
			for (Object replacement : REPLACEMENTS) {
				Map<String, Object> replaced = new LinkedHashMap<>(object);
				replaced.put(name, replacement);
				variants.add(replaced);
			}
		}
		return variants;
	}

	/** {@code valid}, or the pointer, keyword and message of the refusal. */
	private static String outcome(ProtocolSchemas schemas, String schema, @Nullable Object payload) {
		try {
			schemas.validateProtocolPayload(schema, payload);
			return "valid";
		}
		catch (ProtocolValidationException ex) {
			return ex.getPointer() + " " + ex.getKeyword() + " " + ex.getMessage();
		}
	}

	/** The refusal {@link NestedCommands} gives a payload, or null. */
	private static @Nullable String nestedCommandRefusal(String schema, Object payload) {
		try {
			NestedCommands.check(schema, JsonTrees.toTree(schema, payload));
			return null;
		}
		catch (ProtocolValidationException ex) {
			return ex.getPointer() + " " + ex.getKeyword() + " " + ex.getMessage();
		}
	}

	private boolean checkAccepts(String schema, Object payload) {
		SchemaCheck check = this.checks.computeIfAbsent(schema, (name) -> {
			JsonNode document = AppControlJson.mapper().valueToTree(this.libraryOnly.loadProtocolSchema(name));
			return Objects.requireNonNull(SchemaCheck.compile(FreeFormValues.flatten(document)));
		});
		try {
			return check.accepts(JsonTrees.toMap(schema, JsonTrees.toTree(schema, payload)));
		}
		catch (ProtocolValidationException ex) {
			// refused before any schema check: not JSON, too deep or not Unicode
			return false;
		}
	}

	private static List<Map<String, Object>> invalidPayloads() throws IOException {
		try (InputStream in = SchemaCheckTests.class.getClassLoader()
			.getResourceAsStream("app_control_protocol/invalid-payloads.json")) {
			return AppControlJson.mapper().readValue(in, new TypeReference<>() {
			});
		}
	}

}
