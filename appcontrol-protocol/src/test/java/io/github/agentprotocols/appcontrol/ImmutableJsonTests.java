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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Free-form values: numbers keep their form on a round trip (J7), compare by value (RT7),
 * and {@code Map} input is limited in depth as the text parser is.
 */
class ImmutableJsonTests {

	private static final String COMMAND = "{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\","
			+ "\"operation\":\"o\",\"input\":%s}";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1.0", "1.5", "1.0E308", "100.0", "-0.0", "2147483648", "9223372036854775807",
			"123456789012345678901234567890", "1", "-7" })
	@SpecItem("AC-10.31")
	void numbersInFreeFormMapsKeepTheirFormOnARoundTrip(String number) {
		String json = COMMAND.formatted("{\"n\":" + number + ",\"list\":[" + number + "]}");
		ToolCommand command = ToolCommand.fromJson(json);
		assertThat(command.toJson()).isEqualTo(json);
		assertThat(ToolCommand.fromJson(command.toJson())).isEqualTo(command);
	}

	@Test
	void floatingPointNumbersAreNeverWidenedToIntegerLiterals() {
		ToolCommand command = ToolCommand.fromJson(COMMAND.formatted("{\"big\":1e308,\"hundred\":1e2,\"one\":1.0}"));
		assertThat(command.input().get("big")).isEqualTo(1e308).isInstanceOf(Double.class);
		assertThat(command.input().get("hundred")).isInstanceOf(Double.class);
		assertThat(command.input().get("one")).isInstanceOf(Double.class);
		assertThat(command.toJson()).contains("\"big\":1.0E308", "\"hundred\":100.0", "\"one\":1.0");
		ToolCommand decimal = new ToolCommand("c", "t", "o", Map.of("d", new BigDecimal("1E+2"), "f", 0.1f), null);
		assertThat(decimal.input().get("d")).isEqualTo(new BigDecimal("1E+2"));
		assertThat(decimal.input().get("f")).isEqualTo(0.1d);
	}

	@Test
	void numbersCompareByValueWithMatchingHashCodes() {
		Map<String, Object> integral = ImmutableJson.object(
				Map.of("n", 1, "big", BigInteger.TEN.pow(20), "half", new BigDecimal("0.50"), "list", List.of(2, 3L)),
				"/input");
		Map<String, Object> decimal = ImmutableJson
			.object(Map.of("n", 1.0, "big", 1e20, "half", 0.5, "list", List.of(new BigDecimal("2.00"), 3.0)), "/input");
		assertThat(integral).isEqualTo(decimal);
		assertThat(decimal).isEqualTo(integral);
		assertThat(integral.hashCode()).isEqualTo(decimal.hashCode());
		assertThat(integral).isNotEqualTo(
				ImmutableJson.object(Map.of("n", 1.5, "big", 1e20, "half", 0.5, "list", List.of(2, 3)), "/input"));
		assertThat(ImmutableJson.value(List.of(9007199254740993L), "/x"))
			.isNotEqualTo(ImmutableJson.value(List.of(9007199254740992.0), "/x"));
	}

	@Test
	void nonFiniteNumbersAreKeptAsPythonKeepsThemAndNaNEqualsItself() {
		Map<String, Object> copy = ImmutableJson
			.object(Map.of("n", Double.NaN, "f", Float.NaN, "i", Double.POSITIVE_INFINITY), "/input");
		assertThat(copy).containsEntry("n", Double.NaN)
			.containsEntry("f", Double.NaN)
			.containsEntry("i", Double.POSITIVE_INFINITY);
		assertThat(copy).isEqualTo(ImmutableJson
			.object(Map.of("n", Double.NaN, "f", Double.NaN, "i", Double.POSITIVE_INFINITY), "/input"));
		assertThat(copy.hashCode()).isEqualTo(
				ImmutableJson.object(Map.of("n", Double.NaN, "f", Double.NaN, "i", Double.POSITIVE_INFINITY), "/input")
					.hashCode());
	}

	@Test
	void mapsNestedAsDeepAsTheTextParserAllowsAreAccepted() {
		assertThat(ToolCommand.fromMap(commandWithInput(nested(AppControlJson.MAX_DEPTH - 1))).input()).isNotEmpty();
		String text = COMMAND.formatted(
				"{\"a\":".repeat(AppControlJson.MAX_DEPTH - 2) + "{}" + "}".repeat(AppControlJson.MAX_DEPTH - 2));
		assertThat(ToolCommand.fromJson(text).input()).isNotEmpty();
	}

	@ParameterizedTest(name = "{0} levels")
	@ValueSource(ints = { AppControlJson.MAX_DEPTH, 1_000, 100_000 })
	void mapsNestedDeeperThanTheTextParserAllowsAreRejected(int levels) {
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> ToolCommand.fromMap(commandWithInput(nested(levels))))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.DEPTH);
				assertThat(ex.getPointer()).startsWith("/input/a/a").endsWith("/a");
				assertThat(ex.getMessage()).contains("nested more than 500 levels deep").hasSizeLessThan(200);
			});
		String text = COMMAND.formatted(
				"{\"a\":".repeat(AppControlJson.MAX_DEPTH - 1) + "{}" + "}".repeat(AppControlJson.MAX_DEPTH - 1));
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(() -> ToolCommand.fromJson(text))
			.satisfies((ex) -> assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.DEPTH));
	}

	@Test
	void mapOrListThatContainsItselfIsRejected() {
		Map<String, Object> loop = new HashMap<>();
		loop.put("self", loop);
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> ToolCommand.fromMap(commandWithInput(loop)))
			.satisfies((ex) -> assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.DEPTH));
		List<Object> list = new ArrayList<>();
		list.add(list);
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> new ToolObservation(null, "c", "t", "o", ToolStatus.OK, true, "s", Map.of("l", list),
					null, null, null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getPointer()).startsWith("/observation/l/0/0"));
	}

	@Test
	void copiedValuesAreReusedWithoutCopyingAgainUnlessTheyWouldBeTooDeep() {
		Map<String, Object> input = ImmutableJson.object(nested(10), "/input");
		assertThat(ImmutableJson.object(input, "/input")).isSameAs(input);
		assertThat(ImmutableJson.object(input, "/a/b/c")).isSameAs(input);
		Map<String, Object> deep = ImmutableJson.object(nested(AppControlJson.MAX_DEPTH - 1), "/input");
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> ImmutableJson.object(deep, "/observation/input"));
	}

	private static Map<String, Object> commandWithInput(Map<String, Object> input) {
		return Map.of("commandId", "c", "tool", "t", "operation", "o", "input", input);
	}

	/** A map of {@code levels} nested maps, the innermost empty. */
	private static Map<String, Object> nested(int levels) {
		Map<String, Object> root = new HashMap<>();
		Map<String, Object> current = root;
		for (int i = 1; i < levels; i++) {
			Map<String, Object> child = new HashMap<>();
			current.put("a", child);
			current = child;
		}
		return root;
	}

}
