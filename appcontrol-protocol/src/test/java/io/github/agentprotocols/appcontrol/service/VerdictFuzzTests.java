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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.HelperResponse;
import io.github.agentprotocols.appcontrol.JsonPointers;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
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
 * One verdict per input, whatever the entry point (issue 37) and whatever the envelope:
 * the fuzzer writes a command, which is sent as the {@code command} of a {@code run}
 * request over HTTP and over the Unix socket, and given to the validators
 * ({@code validateProtocolPayload} with plain maps, with the Jackson tree, with a map of
 * Jackson nodes, and {@code validateProtocolJson}) and to the models
 * ({@code ToolCommand.fromMap} with the same three forms, {@code fromJson}). The same
 * value is then given, the same ways, to every other envelope's validators and model: as
 * the nested {@code command} of a service and a helper request, the {@code event} of a
 * service event, the {@code observation} or {@code error} of a service and a helper
 * response, and as an observation, an event and an error of its own. Asserts that
 * <ul>
 * <li>both transports give the same answer (outcome, refused pointer and keyword), and it
 * is the one the validators and models give the whole request: {@code invalid_json} for
 * text that is not UTF-8 or not one JSON document, else a refusal at the pointer and with
 * the keyword of the first that refuses, else {@code complete};</li>
 * <li>for each envelope, every validator gives the same verdict, and so does every model
 * (accepted, or refused at the same pointer with the same keyword);</li>
 * <li>for each envelope, a value the validators accept is refused by a model only by a
 * model rule (keyword {@code model}: blank strings, an observation's consistency), and a
 * refusal of a check both share (depth, lone surrogates, the {@code long} range) is given
 * by both;</li>
 * <li>for the command itself, the validators and the models differ only where strict and
 * lenient reading are meant to: a value the models accept is refused by a validator only
 * for what lenient reading allows (unknown keys and snake_case aliases, whatever they
 * hold, a missing or padded {@code schema}, a missing {@code input}, {@code null} for an
 * optional member).</li>
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

	/** Every envelope the fuzzer's value is given to, besides the command itself. */
	private static final List<Envelope> ENVELOPES = List.of(
			new Envelope("service_request", new String(PREFIX, StandardCharsets.UTF_8), "}", ServiceRequest::fromMap),
			new Envelope("helper_request", "{\"schema\":\"app_control.helper.request.v1\",\"token\":\"t\",\"command\":",
					"}", HelperRequest::fromMap),
			new Envelope("service_event",
					"{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"r\","
							+ "\"status\":\"event\",\"success\":true,\"event\":",
					"}", ServiceEventEnvelope::fromMap),
			new Envelope("service_response",
					"{\"schema\":\"app_control.service.response.v1\",\"status\":\"complete\","
							+ "\"success\":true,\"observation\":",
					"}", ServiceResponse::fromMap),
			new Envelope("service_response",
					"{\"schema\":\"app_control.service.response.v1\",\"status\":\"failed\","
							+ "\"success\":false,\"error\":",
					"}", ServiceResponse::fromMap),
			new Envelope("helper_response",
					"{\"schema\":\"app_control.helper.response.v1\",\"success\":true," + "\"observation\":", "}",
					HelperResponse::fromMap),
			new Envelope("helper_response",
					"{\"schema\":\"app_control.helper.response.v1\",\"success\":false," + "\"error\":", "}",
					HelperResponse::fromMap),
			new Envelope("observation", "", "", ToolObservation::fromMap),
			new Envelope("event", "", "", ToolEvent::fromMap), new Envelope("error", "", "", ToolError::fromMap));

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
		for (Envelope envelope : ENVELOPES) {
			envelope.checkOneVerdict(text);
		}
		Map<String, Object> plain = AppControlJson.readObject(text);
		Map<String, Object> nodes = mapOfNodes(tree);
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
		checkStrictAgainstLenient("command", strict, lenient);
		if (lenient.accepted() && !strict.accepted()) {
			assertThat(lenientOnly(strict, plain)).as("the models accept, the validators say %s", strict).isTrue();
		}
	}

	/**
	 * What holds between the validators and the models of any envelope: a value the
	 * validators accept is refused by a model only by a model rule, and a refusal of a
	 * check both share is given by both.
	 */
	private static void checkStrictAgainstLenient(String envelope, Verdict strict, Verdict lenient) {
		if (strict.accepted()) {
			assertThat(lenient.accepted() || ProtocolValidationException.MODEL.equals(lenient.keyword()))
				.as("the %s validators accept, the models say %s", envelope, lenient)
				.isTrue();
		}
		if (SHARED.contains(strict.keyword())) {
			assertThat(lenient.accepted()).as("the %s validators say %s, the models accept", envelope, strict)
				.isFalse();
		}
		if (SHARED.contains(strict.keyword()) && SHARED.contains(lenient.keyword())) {
			assertThat(lenient).as("a shared check of %s", envelope).isEqualTo(strict);
		}
	}

	private static Map<String, Object> mapOfNodes(JsonNode tree) {
		Map<String, Object> nodes = new LinkedHashMap<>();
		tree.properties().forEach((property) -> nodes.put(property.getKey(), property.getValue()));
		return nodes;
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

	/**
	 * An envelope the fuzzer's value is put in: its schema, the text around the value,
	 * and its model's lenient parse.
	 *
	 * @param schema the envelope's schema name
	 * @param prefix the text before the value
	 * @param suffix the text after it
	 * @param model the model's {@code fromMap}
	 */
	record Envelope(String schema, String prefix, String suffix, Function<Map<String, ?>, ?> model) {

		void checkOneVerdict(String value) {
			String text = this.prefix + value + this.suffix;
			JsonNode tree;
			Map<String, Object> plain;
			try {
				tree = AppControlJson.readTree(text);
				plain = AppControlJson.readObject(text);
			}
			catch (ProtocolValidationException ex) {
				// the envelope nests the value one level deeper than the limit
				return;
			}
			Map<String, Object> nodes = mapOfNodes(tree);
			String family = this.prefix.isEmpty() ? this.schema : this.schema + " "
					+ this.prefix.substring(this.prefix.lastIndexOf(",\"") + 2, this.prefix.length() - 2);
			Verdict strict = oneVerdict(family + " validators",
					() -> schemas.validateProtocolPayload(this.schema, plain),
					() -> schemas.validateProtocolPayload(this.schema, tree),
					() -> schemas.validateProtocolPayload(this.schema, nodes),
					() -> schemas.validateProtocolJson(this.schema, text));
			Verdict lenient = oneVerdict(family + " models", () -> this.model.apply(plain),
					() -> this.model.apply(nodes));
			checkStrictAgainstLenient(family, strict, lenient);
		}

	}

}
