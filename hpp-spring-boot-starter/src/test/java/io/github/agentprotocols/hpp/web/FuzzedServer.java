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

package io.github.agentprotocols.hpp.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalClientThrottle;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The protocol engine over the in-memory store, its HTTP routes bound to a
 * {@link WebTestClient} and its WebSocket handler, with the defaults of the starter: what
 * the fuzz tests drive. Built once per JVM, as Jazzer runs every input of a fuzz test in
 * one JVM; each input works on sessions of its own, ended afterwards, so that no input
 * depends on the ones before it and the heap stays flat however long the fuzzing runs.
 * Every observation that ends with an unexpected failure (anything but a refusal in the
 * protocol's terms) is recorded, so that a failure the WebSocket handler swallows is seen
 * too.
 */
final class FuzzedServer {

	/** The starter's default {@code hpp.limits.max-body-size}. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	/** The bound on one request, far above what any request takes. */
	static final Duration BOUND = Duration.ofSeconds(10);

	/**
	 * A session of every built-in type, one required field and one field the user has
	 * filled (which the agent may not overwrite).
	 */
	static final String FORM = """
			{"mode":"form-fill","schema":[{"key":"name","type":"string","required":true},{"key":"age","type":"int"},\
			{"key":"price","type":"float","required":true},{"key":"ok","type":"bool"},\
			{"key":"when","type":"datetime"},{"key":"tags","type":"array"},\
			{"key":"dept","type":"enum","options":[{"value":"Eng"},{"value":"HR"}]}],\
			"context":{"name":"Bob","price":""},"meta":{"m":1}}""";

	static final ObjectMapper json = JsonMapper.builder().build();

	static final FuzzedServer instance = new FuzzedServer();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private final HandshakeManager manager;

	private final WebTestClient http;

	private final HandshakeWebSocketHandler webSocket;

	private FuzzedServer() {
		Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
		HandshakeSettings defaults = HandshakeSettings.defaults();
		// the default limits; the delivery paced in milliseconds rather than seconds, so
		// that the batches of ended sessions do not pile up while the fuzzer runs
		HandshakeSettings settings = new HandshakeSettings(defaults.ttl(), defaults.maxLifetime(), 1_000_000, 1_000_000,
				defaults.limits(), new HandshakeSettings.Pacing(Duration.ofMillis(1), Duration.ofMillis(5)),
				ZoneId.of("UTC"), defaults.bindUserEditsToOwner(), defaults.clearedFieldsBecomeEmpty(),
				defaults.requireOwner(), defaults.paths());
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new FailureRecorder(this.failures));
		HandshakeObservations observations = new HandshakeObservations(registry, null, null, null);
		InMemorySessionStore store = new InMemorySessionStore(10_000, 10_000, clock);
		LocalSessionBroadcast broadcast = new LocalSessionBroadcast();
		LocalPacedDelivery delivery = new LocalPacedDelivery(broadcast, 100);
		delivery.start();
		this.manager = HandshakeManager.builder(store, broadcast, delivery)
			.settings(settings)
			.observations(observations)
			.clock(clock)
			.build();
		HandshakeHandlers handlers = new HandshakeHandlers(this.manager, MAX_BODY_BYTES,
				new LocalClientThrottle(0, 1, clock), new LocalClientThrottle(0, 1, clock));
		this.http = WebTestClient.bindToRouterFunction(HandshakeRoutes.of("/handshake", handlers))
			.configureClient()
			.responseTimeout(BOUND)
			.build();
		this.webSocket = new HandshakeWebSocketHandler(this.manager, broadcast, Duration.ofSeconds(25),
				HandshakeMetrics.NONE, null);
		this.webSocket.setObservations(observations);
		this.webSocket.start();
	}

	HandshakeManager manager() {
		return this.manager;
	}

	WebTestClient http() {
		return this.http;
	}

	HandshakeWebSocketHandler webSocket() {
		return this.webSocket;
	}

	/**
	 * Creates a session through the engine, as an anonymous agent.
	 * @param body the create request
	 * @return the session's id and token
	 */
	Session create(String body) {
		ObjectNode created = this.manager.createSession((ObjectNode) json.readTree(body), HandshakeRequest.none())
			.block(BOUND);
		assertThat(created).isNotNull();
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	/**
	 * Checks that a session can still be read in every way the protocol reads it, then
	 * ends it.
	 * @param session the session
	 */
	void checkAndEnd(Session session) {
		assertThat(this.manager.context(session.id(), session.token()).block(BOUND)).isNotNull();
		assertThat(this.manager.diff(session.id(), session.token(), null).block(BOUND)).isNotNull();
		assertThat(this.manager.prompt(session.id(), "https://app.example", "Fill the form").block(BOUND)).isNotBlank();
		end(session.id());
	}

	/**
	 * Writes a field as the session's user.
	 * @param session the session
	 * @param edit the user edit, {@code {"key": ..., "value": ...}}
	 */
	void edit(Session session, String edit) {
		this.manager.notify(session.id(), Mono.just((ObjectNode) json.readTree(edit)), HandshakeRequest.none())
			.block(BOUND);
	}

	void end(String sessionId) {
		this.manager.end(sessionId).block(BOUND);
	}

	/**
	 * Sends a request with a body, as an agent or a browser would.
	 * @param uri the path and query
	 * @param token the token header, or null
	 * @param body the body
	 * @return the answer
	 */
	Answer post(String uri, @Nullable String token, byte[] body) {
		EntityExchangeResult<byte[]> result = this.http.post().uri(uri).headers((headers) -> {
			if (token != null) {
				headers.set(HandshakeHandlers.TOKEN_HEADER, token);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(byte[].class).returnResult();
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	/**
	 * Sends a GET request, as an agent would.
	 * @param uri the URI template
	 * @param token the token header
	 * @param variables the URI template's variables, encoded as they are expanded
	 * @return the answer
	 */
	Answer get(String uri, String token, Object... variables) {
		EntityExchangeResult<byte[]> result = this.http.get()
			.uri(uri, variables)
			.header(HandshakeHandlers.TOKEN_HEADER, token)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	/**
	 * Fails if an observation ended with an unexpected failure since the last call.
	 */
	void assertNoUnexpectedFailure() {
		if (!this.failures.isEmpty()) {
			List<Throwable> seen = List.copyOf(this.failures);
			this.failures.clear();
			AssertionError error = new AssertionError("unexpected failure: " + seen.get(0), seen.get(0));
			seen.stream().skip(1).forEach(error::addSuppressed);
			throw error;
		}
	}

	/**
	 * A session created for one input.
	 *
	 * @param id its id
	 * @param token its token
	 */
	record Session(String id, String token) {

	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 */
	record Answer(int status, HttpHeaders headers, byte @Nullable [] body) {

		/**
		 * Checks the protocol's contract: a 2xx answer with a JSON object, or a 4xx
		 * answer with {@code {"error": string}} and nothing else; never a 5xx.
		 * @return the JSON object of the answer
		 */
		JsonNode checked() {
			String text = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
			if (this.status >= 500 || this.status < 200 || (this.status >= 300 && this.status < 400)) {
				fail("HTTP " + this.status + ": " + text);
			}
			assertThat(this.headers.getContentType()).as(text).isEqualTo(MediaType.APPLICATION_JSON);
			JsonNode node = json.readTree(text);
			assertThat(node.isObject()).as(text).isTrue();
			if (this.status >= 400) {
				assertThat(node.size()).as(text).isOne();
				assertThat(node.path("error").isString()).as(text).isTrue();
			}
			return node;
		}

		boolean ok() {
			return this.status == 200;
		}

	}

	/**
	 * Records the failures that end observations: the engine marks only unexpected ones
	 * as the observation's error.
	 */
	private record FailureRecorder(List<Throwable> failures) implements ObservationHandler<Observation.Context> {

		@Override
		public void onError(Observation.Context context) {
			Throwable error = context.getError();
			if (error != null) {
				this.failures.add(error);
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
