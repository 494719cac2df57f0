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

package io.github.agentprotocols.hpp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A session's queue of paced batches is bounded by {@code hpp.pacing.max-queued-batches}:
 * while a batch is being delivered (here, paused for an hour after its event) and the
 * backlog is full, the next action request is answered 429 with nothing applied.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hpp.pacing.max-interval=1h", "hpp.pacing.max-batch=1h", "hpp.pacing.max-queued-batches=1" })
@SpecItem("HPP-A13")
class HandshakeDeliveryBacklogTests extends RunningServerTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void actionBeyondTheBacklogIsRefusedWithNothingApplied() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = deliveringFirstBatch(s)) {
			Reply waiting = action(s, "b");
			assertThat(waiting.status()).isEqualTo(200);
			assertThat(waiting.json().at("/broadcast/doneMessages").asInt()).isEqualTo(1);
			Reply refused = action(s, "c");
			assertError(refused, 429, "delivery backlog full");
			assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("3600");
			JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json().get("context");
			assertThat(context.has("b")).isTrue();
			assertThat(context.has("c")).isFalse();
		}
	}

	/**
	 * Two requests compete for the last place: the first holds it from before its body is
	 * read (the client sends the body only once the server asks for it, with
	 * {@code Expect: 100-continue}) until it has been applied, so the second is refused
	 * with nothing applied and the first's events are queued, never answered 200 without
	 * their delivery.
	 */
	@Test
	void aRequestHoldingTheLastPlaceKeepsItAgainstAConcurrentOne() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = deliveringFirstBatch(s)) {
			HeldBody held = new HeldBody(body("first"));
			CompletableFuture<HttpResponse<String>> first = sendHeld(s, held);
			assertThat(held.requested.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertError(action(s, "second"), 429, "delivery backlog full");
			held.release();
			HttpResponse<String> answer = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(HttpProbe.json.readTree(answer.body()).at("/broadcast/doneMessages").asInt()).isEqualTo(1);
			JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json().get("context");
			assertThat(context.has("first")).isTrue();
			assertThat(context.has("second")).isFalse();
		}
	}

	/**
	 * A request refused after taking the last place (here for its body) gives the place
	 * back before it is answered.
	 */
	@Test
	void aRefusedRequestGivesItsPlaceBack() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = deliveringFirstBatch(s)) {
			assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), "{\"actions\":5}"), 400,
					"actions must be an array");
			Reply next = action(s, "b");
			assertThat(next.status()).isEqualTo(200);
			assertThat(next.json().at("/broadcast/doneMessages").asInt()).isEqualTo(1);
		}
	}

	/**
	 * A client that gives up while the server waits for its body leaves the place it held
	 * to the session's next request.
	 */
	@Test
	void anAbandonedRequestGivesItsPlaceBack() throws Exception {
		Session s = create("{\"mode\":\"form-fill\"}");
		try (WsProbe ws = deliveringFirstBatch(s)) {
			HeldBody held = new HeldBody(body("abandoned"));
			CompletableFuture<HttpResponse<String>> abandoned = sendHeld(s, held);
			assertThat(held.requested.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			held.fail();
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> abandoned.get(WAIT.toSeconds(), TimeUnit.SECONDS));
			Awaitility.await().atMost(WAIT).until(() -> action(s, "b").status() == 200);
			JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json().get("context");
			assertThat(context.has("abandoned")).isFalse();
		}
	}

	/**
	 * Watches the session and sends a batch whose delivery pauses for an hour after its
	 * first event, so that the backlog behind it stays as the test leaves it.
	 */
	private WsProbe deliveringFirstBatch(Session s) throws Exception {
		WsProbe ws = WsProbe.open(this.port, "/ws/handshake/" + s.sid() + "?token=" + s.token());
		assertThat(ws.nextEvent(WAIT).path("type").asString()).isEqualTo("connected");
		assertThat(action(s, "a").status()).isEqualTo(200);
		assertThat(ws.nextEvent(WAIT).path("key").asString()).isEqualTo("a");
		return ws;
	}

	private CompletableFuture<HttpResponse<String>> sendHeld(Session s, HeldBody held) {
		return this.http.client()
			.sendAsync(HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/action/" + s.sid()))
				.header("X-Handshake-Token", s.token())
				.header("Content-Type", "application/json")
				.expectContinue(true)
				.POST(held.publisher())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Reply action(Session s, String key) {
		return this.http.post("/handshake/action/" + s.sid(), s.token(), body(key));
	}

	private static String body(String key) {
		return "{\"actions\":[{\"type\":\"set\",\"key\":\"" + key + "\",\"value\":1}],\"intervalMs\":3600000}";
	}

	/**
	 * A request body the client sends only once the server has asked for it, and then
	 * only once released.
	 */
	static final class HeldBody {

		final CountDownLatch requested = new CountDownLatch(1);

		private final Sinks.Empty<Void> gate = Sinks.empty();

		private final byte[] bytes;

		HeldBody(String body) {
			this.bytes = body.getBytes(StandardCharsets.UTF_8);
		}

		HttpRequest.BodyPublisher publisher() {
			Flux<ByteBuffer> body = Flux.defer(() -> {
				this.requested.countDown();
				return this.gate.asMono().thenReturn(ByteBuffer.wrap(this.bytes));
			});
			return HttpRequest.BodyPublishers.fromPublisher(JdkFlowAdapter.publisherToFlowPublisher(body),
					this.bytes.length);
		}

		void release() {
			this.gate.tryEmitEmpty();
		}

		void fail() {
			this.gate.tryEmitError(new IOException("client gave up"));
		}

	}

}
