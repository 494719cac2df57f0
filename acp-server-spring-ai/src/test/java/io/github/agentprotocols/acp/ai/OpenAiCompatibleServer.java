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

package io.github.agentprotocols.acp.ai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat completions server on a loopback port: it answers each
 * {@code POST /v1/chat/completions} with the next queued answer, a stream of
 * {@code chat.completion.chunk} Server-Sent Events ending with {@code data: [DONE]} as
 * OpenAI streams, an error status, or a stream cut off midway; and keeps the request
 * bodies.
 */
final class OpenAiCompatibleServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private final DisposableServer server;

	private final List<Answer> answers = new ArrayList<>();

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	OpenAiCompatibleServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1/chat/completions", this::handle))
			.bindNow(SHUTDOWN_TIMEOUT);
	}

	/**
	 * The base URL the OpenAI client is given.
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/v1";
	}

	/**
	 * Queues a streamed answer: each delta is the JSON of one chunk's
	 * {@code choices[0].delta}, the last chunk carries the finish reason, and a usage
	 * chunk with no choices follows as OpenAI sends it.
	 */
	synchronized OpenAiCompatibleServer stream(String finishReason, String... deltas) {
		List<String> events = new ArrayList<>();
		for (String delta : deltas) {
			events.add(chunk("{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}", ""));
		}
		events.add(chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finishReason + "\"}", ""));
		events.add(chunk("", ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}"));
		this.answers.add(new Answer(200, events, true));
		return this;
	}

	/**
	 * Queues the two answers of a question about the weather in Paris: the text "Let me
	 * check." and a call {@code call_Qm7x} of the {@code weather} tool whose arguments
	 * {@code {"city": "Paris"}} are split across chunks, then the streamed answer "Sunny,
	 * 21 degrees in Paris.".
	 */
	OpenAiCompatibleServer weatherInParis() {
		return this
			.stream("tool_calls", "{\"role\":\"assistant\",\"content\":\"Let me \"}", "{\"content\":\"check.\"}",
					"{\"tool_calls\":[{\"index\":0,\"id\":\"call_Qm7x\",\"type\":\"function\","
							+ "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}",
					"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]}",
					"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\": \\\"Pa\"}}]}",
					"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ris\\\"}\"}}]}")
			.stream("stop", "{\"role\":\"assistant\",\"content\":\"\"}", "{\"content\":\"Sunny\"}",
					"{\"content\":\", 21 degrees\"}", "{\"content\":\" in Paris.\"}");
	}

	/**
	 * Queues an error answer, as OpenAI gives it.
	 */
	synchronized OpenAiCompatibleServer error(int status, String message) {
		this.answers.add(new Answer(status,
				List.of("{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"code\":null}}"),
				false));
		return this;
	}

	/**
	 * Queues a stream of text deltas whose connection is closed before the stream ends.
	 */
	synchronized OpenAiCompatibleServer streamCutOff(String... deltas) {
		List<String> events = new ArrayList<>();
		for (String delta : deltas) {
			events.add(chunk("{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}", ""));
		}
		this.answers.add(new Answer(200, events, false));
		return this;
	}

	/**
	 * The bodies of the requests received, in order.
	 */
	List<JsonNode> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.disposeNow(SHUTDOWN_TIMEOUT);
	}

	private static String chunk(String choices, String more) {
		return "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
				+ "\"model\":\"gpt-test\",\"system_fingerprint\":\"fp_test\",\"choices\":[" + choices + "]" + more
				+ "}";
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().flatMap((body) -> {
			this.requests.add(JSON.readTree(body));
			Answer answer = next();
			if (answer.status() != 200) {
				return response.status(HttpResponseStatus.valueOf(answer.status()))
					.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.sendString(Mono.just(answer.events().get(0)))
					.then();
			}
			Flux<String> events = Flux.fromIterable(answer.events()).map((event) -> "data: " + event + "\n\n");
			// a cut-off stream fails midway, which closes the connection
			Flux<String> stream = answer.complete() ? events.concatWithValues("data: [DONE]\n\n")
					: events.concatWith(Mono.error(new IllegalStateException("stream cut off")));
			return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.send(stream.map((event) -> Unpooled.copiedBuffer(event, StandardCharsets.UTF_8)), (event) -> true)
				.then();
		});
	}

	private synchronized Answer next() {
		if (this.answers.isEmpty()) {
			return new Answer(500, List.of("{\"error\":{\"message\":\"no answer queued\"}}"), false);
		}
		return this.answers.remove(0);
	}

	private record Answer(int status, List<String> events, boolean complete) {

	}

}
