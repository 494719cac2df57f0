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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lenient parsing as upstream 0.1.0 does it: Python's white space set (J5), the present
 * camelCase key winning (J2), integers up to the {@code long} range (J6) and the required
 * parts of a service event envelope.
 */
class LenientParseTests {

	private static Map<String, Object> command(Object... entries) {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("tool", "t", "operation", "o"));
		for (int i = 0; i < entries.length; i += 2) {
			payload.put((String) entries[i], entries[i + 1]);
		}
		return payload;
	}

	private static Map<String, Object> eventEnvelope(Object... entries) {
		Map<String, Object> payload = new LinkedHashMap<>(
				Map.of("requestId", "req_1", "event", Map.of("commandId", "c", "seq", 0, "type", "started")));
		for (int i = 0; i < entries.length; i += 2) {
			payload.put((String) entries[i], entries[i + 1]);
		}
		return payload;
	}

	private static void assertRejected(Runnable parse, String pointer, String messagePart) {
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(parse::run).satisfies((ex) -> {
			assertThat(ex.getPointer()).isEqualTo(pointer);
			assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.MODEL);
			assertThat(ex.getMessage()).contains(messagePart);
		});
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0085", "00A0", "2007", "202F", "1680", "3000", "001C", "000B" })
	@SpecItem("AC-10.4")
	void pythonWhiteSpaceIsStrippedFromNonEmptyStrings(String codePoint) {
		String space = Character.toString(Integer.parseInt(codePoint, 16));
		ToolCommand command = ToolCommand.fromMap(command("commandId", space + "cmd_1" + space));
		assertThat(command.commandId()).isEqualTo("cmd_1");
		assertRejected(() -> ToolCommand.fromMap(command("commandId", space + space)), "/commandId", "commandId");
		assertThat(new ToolError(space + "x", "y" + space).toMap()).containsEntry("failureKind", "x")
			.containsEntry("message", "y");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "200B", "FEFF", "180E" })
	void charactersPythonDoesNotCountAsWhiteSpaceAreKept(String codePoint) {
		String notSpace = Character.toString(Integer.parseInt(codePoint, 16));
		assertThat(ToolCommand.fromMap(command("commandId", notSpace + "cmd_1")).commandId())
			.isEqualTo(notSpace + "cmd_1");
		assertThat(ToolCommand.fromMap(command("commandId", notSpace)).commandId()).isEqualTo(notSpace);
	}

	@Test
	@SpecItem("AC-10.6")
	void schemaDiscriminatorIsTrimmedBeforeItIsCompared() {
		ToolCommand command = ToolCommand
			.fromMap(command("commandId", "c", "schema", "\u00A0app_control.command.v1\n"));
		assertThat(command.schema()).isEqualTo(ToolCommand.SCHEMA);
		assertThat(command.toMap()).containsEntry("schema", "app_control.command.v1");
		assertRejected(() -> ToolCommand.fromMap(command("commandId", "c", "schema", " \u2007")), "/schema",
				"schema must be a non-empty string");
		assertRejected(() -> ToolCommand.fromMap(command("commandId", "c", "schema", " app_control.command.v2 ")),
				"/schema", "unsupported command schema: app_control.command.v2");
	}

	@Test
	@SpecItem("AC-10.19")
	void serviceEventStatusIsTrimmedBeforeItIsCompared() {
		ServiceEventEnvelope envelope = ServiceEventEnvelope
			.fromMap(eventEnvelope("status", "\u202Fevent\u0085", "success", true));
		assertThat(envelope.status()).isEqualTo("event");
		assertThat(envelope.toMap()).containsEntry("status", "event");
		assertRejected(() -> ServiceEventEnvelope.fromMap(eventEnvelope("status", " done ", "success", true)),
				"/status", "service event status must be event");
	}

	@Test
	@SpecItem("AC-10.19")
	void serviceEventEnvelopeWithoutStatusOrSuccessIsRefused() {
		assertRejected(() -> ServiceEventEnvelope.fromMap(eventEnvelope("success", true)), "/status",
				"status must be a non-empty string");
		assertRejected(() -> ServiceEventEnvelope.fromMap(eventEnvelope("status", "event")), "/success",
				"success must be a boolean");
		assertRejected(() -> ServiceEventEnvelope.fromMap(eventEnvelope("status", "event", "success", "true")),
				"/success", "success must be a boolean");
		ToolEvent event = new ToolEvent("c", 0, ToolEventType.STARTED, null, null, null, null);
		assertThat(new ServiceEventEnvelope("req_1", event).toMap()).containsEntry("status", "event")
			.containsEntry("success", true);
	}

	@Test
	void explicitNullMeansAbsentForOptionalObjectsAndRetryable() {
		Map<String, Object> command = command("commandId", "c");
		command.put("metadata", null);
		assertThat(ToolCommand.fromMap(command)).isEqualTo(new ToolCommand("c", "t", "o"));
		command.put("input", null);
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(() -> ToolCommand.fromMap(command))
			.satisfies((ex) -> {
				assertThat(ex.getPointer()).as("input, which the schema requires").isEqualTo("/input");
				assertThat(ex.getKeyword()).isEqualTo("type");
			});
		Map<String, Object> error = new HashMap<>(Map.of("failureKind", "x", "message", "y"));
		error.put("retryable", null);
		error.put("evidence", null);
		assertThat(ToolError.fromMap(error)).isEqualTo(new ToolError("x", "y"));
		Map<String, Object> event = new HashMap<>(Map.of("commandId", "c", "seq", 0, "type", "progress"));
		event.put("data", null);
		assertThat(ToolEvent.fromMap(event).data()).isEmpty();
	}

	@Test
	@SpecItem("AC-10.3")
	void presentCamelCaseKeyWinsEvenWhenItIsNull() {
		Map<String, Object> required = command("command_id", "x");
		required.put("commandId", null);
		assertRejected(() -> ToolCommand.fromMap(required), "/commandId", "commandId must be a non-empty string");
		Map<String, Object> optional = command("commandId", "c", "timeout_ms", 5, "idempotency_key", "k");
		optional.put("timeoutMs", null);
		optional.put("idempotencyKey", null);
		ToolCommand command = ToolCommand.fromMap(optional);
		assertThat(command.timeoutMs()).isNull();
		assertThat(command.idempotencyKey()).isNull();
		Map<String, Object> event = new HashMap<>(Map.of("commandId", "c", "seq", 0, "event_type", "progress"));
		event.put("type", null);
		assertRejected(() -> ToolEvent.fromMap(event), "/type", "type");
		Map<String, Object> error = new HashMap<>(Map.of("failure_kind", "x", "message", "y"));
		error.put("failureKind", null);
		assertRejected(() -> ToolError.fromMap(error), "/failureKind", "failureKind");
	}

	@Test
	void snakeCaseAliasIsUsedWhenTheCamelCaseKeyIsAbsent() {
		assertThat(ToolCommand.fromMap(command("command_id", "x", "timeout_ms", 5)).timeoutMs()).isEqualTo(5L);
		assertThat(ToolEvent.fromMap(Map.of("command_id", "c", "seq", 3, "event_type", "progress")).type())
			.isEqualTo(ToolEventType.PROGRESS);
	}

	@Test
	@SpecItem("AC-10.5")
	void integersUpToTheLongRangeAreAccepted() {
		long beyondInt = 1L << 31;
		ToolCommand command = ToolCommand.fromMap(command("commandId", "c", "timeoutMs", beyondInt));
		assertThat(command.timeoutMs()).isEqualTo(beyondInt);
		assertThat(command.toJson()).contains("\"timeoutMs\":2147483648");
		assertThat(ToolCommand.fromJson(command.toJson())).isEqualTo(command);
		assertThat(ToolCommand.fromMap(command("commandId", "c", "timeoutMs", Long.MAX_VALUE)).timeoutMs())
			.isEqualTo(Long.MAX_VALUE);
		assertThat(
				ToolCommand.fromMap(command("commandId", "c", "timeoutMs", BigInteger.valueOf(beyondInt))).timeoutMs())
			.isEqualTo(beyondInt);
		ToolEvent event = ToolEvent.fromJson("{\"commandId\":\"c\",\"seq\":9007199254740993,\"type\":\"progress\"}");
		assertThat(event.seq()).isEqualTo(9007199254740993L);
		assertThat(event.toJson()).contains("\"seq\":9007199254740993");
		assertThat(new ToolCommand("c", "t", "o", null, beyondInt).timeoutMs()).isEqualTo(beyondInt);
	}

	@Test
	void integersBeyondTheLongRangeAreOutOfRange() {
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> ToolCommand
				.fromJson("{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\",\"timeoutMs\":9223372036854775808}"))
			.satisfies((ex) -> {
				assertThat(ex.getPointer()).isEqualTo("/timeoutMs");
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.LIMIT);
				assertThat(ex.getMessage()).startsWith("timeoutMs is out of range");
			});
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(
					() -> ToolEvent.fromMap(Map.of("commandId", "c", "seq", BigInteger.TEN.pow(30), "type", "started")))
			.satisfies((ex) -> {
				assertThat(ex.getPointer()).isEqualTo("/seq");
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.LIMIT);
			});
	}

	@Test
	@SpecItem("AC-10.5")
	void numbersWithAFractionOrExponentAreNotIntegersHoweverLarge() {
		for (String number : new String[] { "1e308", "123456789012345678901234567890.5", "1000.0", "1e3" }) {
			assertRejected(
					() -> ToolCommand.fromJson(
							"{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\",\"timeoutMs\":" + number + "}"),
					"/timeoutMs", "timeoutMs must be an integer");
			assertRejected(
					() -> ToolEvent.fromJson("{\"commandId\":\"c\",\"seq\":" + number + ",\"type\":\"started\"}"),
					"/seq", "seq must be an integer");
		}
		assertRejected(() -> new ToolCommand("c", "t", "o", null, 2.5), "/timeoutMs", "timeoutMs must be an integer");
	}

}
