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

package io.github.agentprotocols.appcontrol.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.JsonPointers;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.TwoTransports.Answer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One verdict per input, whatever the entry point (issue 37): the fuzzer writes a
 * command, which is sent as the {@code command} of a {@code run} request over HTTP and
 * over the Unix socket, and given to the validators ({@code validateProtocolPayload} with
 * plain maps, with the Jackson tree, with a map of Jackson nodes, and
 * {@code validateProtocolJson}) and to the models ({@code ToolCommand.fromMap} with the
 * same three forms, {@code fromJson}). Asserts that
 * <ul>
 * <li>both transports give the same answer (outcome, refused pointer and keyword), and it
 * is the one the validators and models give the whole request: {@code invalid_json} for
 * text that is not UTF-8 or not one JSON document, else a refusal at the pointer and with
 * the keyword of the first that refuses, else {@code complete};</li>
 * <li>every validator gives the same verdict, and so does every model (accepted, or
 * refused at the same pointer with the same keyword);</li>
 * <li>the validators and the models differ only where strict and lenient reading are
 * meant to: a value the validators accept is refused by a model only by a model rule
 * (keyword {@code model}: blank strings), and a value the models accept is refused by a
 * validator only for what lenient reading allows (unknown keys and snake_case aliases,
 * whatever they hold, a missing or padded {@code schema}, a missing {@code input},
 * {@code null} for an optional member); a refusal of a check both share (depth, lone
 * surrogates, the {@code long} range) is given by both.</li>
 * </ul>
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class VerdictFuzzTests {

	private static final byte[] PREFIX = ("{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
			+ "\"token\":\"" + TwoTransports.TOKEN + "\",\"command\":")
		.getBytes(StandardCharsets.UTF_8);

	private static final ProtocolSchemas schemas = ProtocolSchemas.shared();

	/** Keywords of the checks the validators and the models share. */
	private static final Set<String> SHARED = Set.of(ProtocolValidationException.DEPTH,
			ProtocolValidationException.LIMIT, ProtocolValidationException.UNICODE, ProtocolValidationException.SYNTAX);

	/** Keywords of the reader's refusals that make a request {@code invalid_json}. */
	private static final Set<String> MALFORMED = Set.of(ProtocolValidationException.DEPTH,
			ProtocolValidationException.LIMIT, ProtocolValidationException.SYNTAX);

	/** The members of a command the schema declares. */
	private static final Set<String> PROPERTIES = Set.of("schema", "commandId", "tool", "operation", "input",
			"timeoutMs", "idempotencyKey", "metadata");

	/** Lenient parse accepts these in place of the schema's camelCase keys. */
	private static final Map<String, String> ALIASES = Map.of("commandId", "command_id", "timeoutMs", "timeout_ms",
			"idempotencyKey", "idempotency_key");

	private static TwoTransports transports;

	@BeforeAll
	static void startHosts() throws IOException {
		transports = new TwoTransports(1024 * 1024);
	}

	@AfterAll
	static void stopHosts() throws IOException {
		transports.close();
	}

	@FuzzTest(maxDuration = "3m")
	void everyEntryPointGivesOneVerdict(byte[] input) throws IOException {
		byte[] command = oneLine(input);
		byte[] request = ByteBuffer.allocate(PREFIX.length + command.length + 1)
			.put(PREFIX)
			.put(command)
			.put((byte) '}')
			.array();
		Answer overHttp = transports.overHttp(request);
		Answer overSocket = transports.overUnixSocket(request, true);
		assertThat(overSocket.comparable()).as("the socket's answer").isEqualTo(overHttp.comparable());
		assertThat(overHttp.comparable()).as("the transports' answer").isEqualTo(expectedAnswer(request));
		String text = utf8(command);
		if (text == null) {
			return;
		}
		JsonNode tree;
		try {
			tree = AppControlJson.readTree(text);
		}
		catch (ProtocolValidationException ex) {
			return;
		}
		if (!tree.isObject()) {
			return;
		}
		Map<String, Object> plain = AppControlJson.readObject(text);
		Map<String, Object> nodes = new LinkedHashMap<>();
		tree.properties().forEach((property) -> nodes.put(property.getKey(), property.getValue()));
		Verdict strict = oneVerdict("validators", () -> schemas.validateProtocolPayload("command", plain),
				() -> schemas.validateProtocolPayload("command", tree),
				() -> schemas.validateProtocolPayload("command", nodes),
				() -> schemas.validateProtocolJson("command", text));
		Verdict lenient = oneVerdict("models", () -> ToolCommand.fromMap(plain), () -> ToolCommand.fromMap(nodes),
				() -> ToolCommand.fromJson(text));
		if (!strict.accepted() && !SHARED.contains(strict.keyword())
				&& !PROPERTIES.contains(firstToken(strict.pointer()))) {
			// refused for a member the schema does not know (an unknown key, an alias),
			// which lenient parse drops or reads under the camelCase name, as upstream
			return;
		}
		if (strict.accepted()) {
			assertThat(lenient.accepted() || ProtocolValidationException.MODEL.equals(lenient.keyword()))
				.as("the validators accept, the models say %s", lenient)
				.isTrue();
		}
		if (lenient.accepted() && !strict.accepted()) {
			assertThat(lenientOnly(strict, plain)).as("the models accept, the validators say %s", strict).isTrue();
		}
		if (SHARED.contains(strict.keyword())) {
			assertThat(lenient.accepted()).as("the validators say %s, the models accept", strict).isFalse();
		}
		if (SHARED.contains(strict.keyword()) && SHARED.contains(lenient.keyword())) {
			assertThat(lenient).as("a shared check").isEqualTo(strict);
		}
	}

	/** The input with each newline turned into a space, so that it fits on one line. */
	private static byte[] oneLine(byte[] input) {
		byte[] line = input.clone();
		for (int i = 0; i < line.length; i++) {
			line[i] = (line[i] == '\n') ? (byte) ' ' : line[i];
		}
		return line;
	}

	/**
	 * The answer the host owes a request: what reading it, checking it against the
	 * {@code service_request} schema and parsing it say, the token being right.
	 */
	private static String expectedAnswer(byte[] request) {
		String text = utf8(request);
		if (text == null) {
			return "invalid_json";
		}
		Map<String, Object> payload;
		try {
			payload = AppControlJson.readObject(text);
		}
		catch (ProtocolValidationException ex) {
			return MALFORMED.contains(ex.getKeyword()) ? "invalid_json" : "invalid_request";
		}
		try {
			schemas.validateProtocolPayload("service_request", payload);
			ServiceRequest.fromMap(payload);
			return "complete";
		}
		catch (ProtocolValidationException ex) {
			String kind = ("/action".equals(ex.getPointer()) && "enum".equals(ex.getKeyword())) ? "unsupported_action"
					: "invalid_request";
			return kind + " " + ex.getPointer() + " " + ex.getKeyword();
		}
	}

	/**
	 * Whether the validators refuse what lenient parsing is meant to take: an unknown
	 * key, a snake_case alias, a missing or padded {@code schema}, a missing
	 * {@code input}, or {@code null} for an optional member.
	 */
	private static boolean lenientOnly(Verdict strict, Map<String, Object> payload) {
		String member = (strict.pointer().lastIndexOf('/') == 0) ? strict.pointer().substring(1) : null;
		return switch (strict.keyword()) {
			case "required" -> "schema".equals(member) || "input".equals(member)
					|| payload.containsKey(ALIASES.getOrDefault(member, ""));
			case "const" -> "schema".equals(member);
			case "type" -> member != null && payload.get(member) == null && !"input".equals(member);
			default -> false;
		};
	}

	private static String firstToken(String pointer) {
		int end = pointer.indexOf('/', 1);
		return pointer.isEmpty() ? "" : pointer.substring(1, (end > 0) ? end : pointer.length());
	}

	private static Verdict oneVerdict(String family, Supplier<?>... entryPoints) {
		Verdict first = null;
		for (Supplier<?> entryPoint : entryPoints) {
			Verdict verdict = verdict(entryPoint);
			if (first == null) {
				first = verdict;
			}
			assertThat(verdict).as("the %s' verdicts", family).isEqualTo(first);
		}
		return first;
	}

	private static Verdict verdict(Supplier<?> entryPoint) {
		try {
			entryPoint.get();
			return Verdict.ACCEPTED;
		}
		catch (ProtocolValidationException ex) {
			return new Verdict(ex.getPointer(), ex.getKeyword());
		}
	}

	private static @Nullable String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * One entry point's verdict.
	 *
	 * @param pointer the refused value's pointer, empty when accepted
	 * @param keyword the refusal's keyword, {@code accepted} when accepted
	 */
	record Verdict(String pointer, String keyword) {

		static final Verdict ACCEPTED = new Verdict("", "accepted");

		boolean accepted() {
			return this == ACCEPTED || "accepted".equals(this.keyword);
		}

		@Override
		public String toString() {
			return accepted() ? "accepted" : JsonPointers.toPath(this.pointer) + " (" + this.keyword + ")";
		}

	}

}
