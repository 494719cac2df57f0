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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One answer per input, whatever the entry point: JSON text given to
 * {@code validateProtocolJson} or {@code fromJson}, its Jackson tree, or the same value
 * built as Java objects and given to {@code validateProtocolPayload} or {@code fromMap}.
 */
class EntryPointAgreementTests {

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	private static final String LONE_HIGH = "\uD800";

	private static final String LONE_LOW = "\uDC00";

	/**
	 * Inputs of a command's {@code input}: as JSON text, as Java values, whether they are
	 * accepted, and for a refusal the pointer it is reported at.
	 */
	static Stream<Arguments> inputs() {
		return Stream.of(
				Arguments.of("NaN, which Python writes by default", "{\"x\":NaN}", Map.of("x", Double.NaN), null),
				Arguments.of("Infinity", "{\"x\":Infinity}", Map.of("x", Double.POSITIVE_INFINITY), null),
				Arguments.of("-Infinity", "{\"x\":[-Infinity]}", Map.of("x", List.of(Double.NEGATIVE_INFINITY)), null),
				Arguments.of("1e400, infinite as a double", "{\"x\":1e400}", Map.of("x", Double.POSITIVE_INFINITY),
						null),
				Arguments.of("an integer of 4,300 digits, the most Python's int() reads",
						"{\"x\":-" + "7".repeat(4300) + "}", Map.of("x", new BigInteger("-" + "7".repeat(4300))), null),
				Arguments.of("a key of 60,000 characters", "{\"" + "k".repeat(60_000) + "\":1}",
						Map.of("k".repeat(60_000), 1), null),
				Arguments.of("a float NaN", "{\"x\":NaN}", Map.of("x", Float.NaN), null),
				Arguments.of("a surrogate pair", "{\"x\":\"\\ud83d\\ude00\"}", Map.of("x", "\uD83D\uDE00"), null),
				Arguments.of("a lone high surrogate in a value", "{\"x\":\"a\\ud800\"}", Map.of("x", "a" + LONE_HIGH),
						"/input/x"),
				Arguments.of("a lone low surrogate in a nested value", "{\"x\":[\"\\udc00b\"]}",
						Map.of("x", List.of(LONE_LOW + "b")), "/input/x/0"),
				Arguments.of("a lone surrogate in a key", "{\"k\\ud800\":1}", Map.of("k" + LONE_HIGH, 1), "/input"),
				Arguments.of("surrogates in the wrong order", "{\"x\":\"\\ude00\\ud83d\"}", Map.of("x", "\uDE00\uD83D"),
						"/input/x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void everyEntryPointGivesTheSameAnswer(String name, String inputJson, Map<String, Object> input,
			@Nullable String refusedAt) {
		String json = "{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
				+ "\"input\":" + inputJson + "}";
		Map<String, Object> map = new LinkedHashMap<>(
				Map.of("schema", ToolCommand.SCHEMA, "commandId", "c", "tool", "t", "operation", "o"));
		map.put("input", input);
		List<Supplier<Object>> entryPoints = List.of(() -> schemas.validateProtocolJson("command", json),
				() -> schemas.validateProtocolPayload("command", AppControlJson.readTree(json)),
				() -> schemas.validateProtocolPayload("command", map), () -> ToolCommand.fromJson(json),
				() -> ToolCommand.fromMap(map), () -> new ToolCommand("c", "t", "o", input, null));
		List<@Nullable String> answers = new ArrayList<>();
		for (Supplier<Object> entryPoint : entryPoints) {
			try {
				entryPoint.get();
				answers.add(null);
			}
			catch (ProtocolValidationException ex) {
				assertThat(ex.getMessage()).as(name).contains("lone surrogate");
				answers.add(ex.getPointer());
			}
		}
		assertThat(answers).as(name).containsOnly(refusedAt);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void acceptedInputsRoundTripAsPythonWritesThem(String name, String inputJson, Map<String, Object> input,
			@Nullable String refusedAt) {
		if (refusedAt != null) {
			return;
		}
		ToolCommand command = new ToolCommand("c", "t", "o", input, null);
		String written = command.toJson();
		assertThat(ToolCommand.fromJson(written)).as(name).isEqualTo(command);
		assertThat(written).as(name).doesNotContain("\"NaN\"", "\"Infinity\"", "\"-Infinity\"");
	}

	@Test
	void nonFiniteNumbersAreWrittenAsPythonsJsonModuleWritesThem() {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("nan", Double.NaN);
		input.put("inf", Double.POSITIVE_INFINITY);
		input.put("ninf", Double.NEGATIVE_INFINITY);
		assertThat(AppControlJson.write(input)).isEqualTo("{\"nan\":NaN,\"inf\":Infinity,\"ninf\":-Infinity}");
	}

	@Test
	void spellingsOfInfinityThatPythonRefusesAreRefused() {
		for (String spelling : new String[] { "+Infinity", "+INF", "-INF", "INF", "nan", "inf" }) {
			assertThatExceptionOfType(ProtocolValidationException.class).as(spelling)
				.isThrownBy(() -> AppControlJson.readObject("{\"x\":[" + spelling + "]}"))
				.satisfies((ex) -> {
					assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
					assertThat(ex.getMessage()).contains(spelling);
				});
		}
	}

	@Test
	void nullTextIsRefusedAsANullMapIs() {
		ProtocolValidationException fromMap = catchRejection(() -> ToolCommand.fromMap(null));
		List<Supplier<Object>> entryPoints = List.of(() -> ToolCommand.fromJson(null),
				() -> ToolObservation.fromJson(null), () -> ToolEvent.fromJson(null), () -> ToolError.fromJson(null),
				() -> ServiceRequest.fromJson(null), () -> ServiceResponse.fromJson(null),
				() -> ServiceEventEnvelope.fromJson(null), () -> AppControlJson.readObject(null),
				() -> AppControlJson.readTree(null), () -> schemas.validateProtocolJson("command", null));
		for (Supplier<Object> entryPoint : entryPoints) {
			ProtocolValidationException ex = catchRejection(entryPoint::get);
			assertThat(ex.getPointer()).isEqualTo(fromMap.getPointer());
			assertThat(ex.getKeyword()).isEqualTo(fromMap.getKeyword());
			assertThat(ex.getMessage()).isEqualTo(fromMap.getMessage());
		}
		assertThat(catchRejection(() -> schemas.validateProtocolJson("command", null)).getSchemaName())
			.isEqualTo("command");
	}

	private static ProtocolValidationException catchRejection(Runnable call) {
		try {
			call.run();
		}
		catch (ProtocolValidationException ex) {
			return ex;
		}
		throw new AssertionError("expected a ProtocolValidationException");
	}

}
