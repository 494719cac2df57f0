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

package io.github.agentprotocols.happy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A REST call whose subscriber leaves while its answer arrives (an event stream's client
 * leaving as a page of messages comes in) reads the answer to its end and drops no error.
 * Cancelling a {@code WebClient} exchange at that moment races the response body's
 * subscription with the release Spring starts on cancellation: the body then fails
 * ("released already due to cancellation") with no one to tell, and Reactor logs it at
 * ERROR as an error it dropped.
 */
class AbandonedCallTests {

	private static final byte[] PAGE = "{\"messages\":[],\"hasMore\":false}".getBytes(StandardCharsets.UTF_8);

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	private DisposableServer server;

	@BeforeEach
	void startServer() {
		Hooks.onErrorDropped(this.dropped::add);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendObject(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(PAGE)))
				.then()
				.doOnSuccess((done) -> this.answered.incrementAndGet()))
			.bindNow();
	}

	@AfterEach
	void stopServer() {
		Hooks.resetOnErrorDropped();
		this.server.disposeNow();
	}

	@Test
	void callsAbandonedAsTheirAnswersArriveRunToTheirEndAndDropNoError() throws InterruptedException {
		String url = "http://127.0.0.1:" + this.server.port();
		HappyRestClient rest = new HappyRestClient(WebClient.create(url), url, Mono.just("token"),
				Duration.ofSeconds(10), HappyObservations.NOOP);
		int calls = 2000;
		CountDownLatch ended = new CountDownLatch(calls);
		for (int i = 0; i < calls; i++) {
			Disposable call = rest.messagesAfter("session", 0, 100)
				.doFinally((signal) -> ended.countDown())
				.subscribe();
			long until = System.nanoTime() + (i % 50) * 10_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			call.dispose();
		}
		assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.answered).hasValue(calls));
		assertThat(this.dropped).isEmpty();
	}

}
