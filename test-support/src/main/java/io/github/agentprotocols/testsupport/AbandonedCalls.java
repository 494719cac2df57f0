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

package io.github.agentprotocols.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls whose subscriber leaves as their answer arrives, to a loopback server that
 * answers every request with the same JSON: each call should still be answered, and
 * Reactor should drop no error. A {@code WebClient} exchange cancelled at that moment
 * races the response body's read with the release Spring starts on cancellation; the read
 * then fails with no one left to tell, and Reactor logs it at ERROR.
 */
public final class AbandonedCalls implements AutoCloseable {

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	private final DisposableServer server;

	private AbandonedCalls(byte[] answer) {
		Hooks.onErrorDropped(this.dropped::add);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendObject(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(answer)))
				.then()
				.doOnSuccess((done) -> this.answered.incrementAndGet()))
			.bindNow();
	}

	/**
	 * Starts the server and records what Reactor drops until {@link #close()}.
	 * @param json the answer to every request
	 * @return the calls' server
	 */
	public static AbandonedCalls answering(String json) {
		return new AbandonedCalls(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The server's origin.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Makes calls and leaves each after a delay of 0 to 490 µs, which spans the arrival
	 * of its answer; then asserts that every call ended, that the server answered each
	 * one and that Reactor dropped no error.
	 * @param calls how many calls
	 * @param call makes one call
	 * @throws InterruptedException if interrupted while waiting for the calls to end
	 */
	public void abandonAndAssert(int calls, Supplier<Mono<?>> call) throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(calls);
		for (int i = 0; i < calls; i++) {
			Disposable subscription = call.get().doFinally((signal) -> ended.countDown()).subscribe();
			long until = System.nanoTime() + (i % 50) * 10_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			subscription.dispose();
		}
		assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.answered).hasValue(calls));
		assertThat(this.dropped).isEmpty();
	}

	@Override
	public void close() {
		Hooks.resetOnErrorDropped();
		this.server.disposeNow();
	}

}
