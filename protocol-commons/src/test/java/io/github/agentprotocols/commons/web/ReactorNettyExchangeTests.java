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

package io.github.agentprotocols.commons.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response's stream is handed on by its connection's event loop, where Reactor Netty
 * cancels it, even when its elements come from another thread.
 */
class ReactorNettyExchangeTests {

	private final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void eventsMadeOnAnotherThreadAreHandedOnByTheConnectionsEventLoop() throws IOException {
		WebHandler events = (exchange) -> {
			EventLoop eventLoop = ((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()))
				.channel()
				.eventLoop();
			Flux<String> made = Flux.range(0, 200)
				.publishOn(Schedulers.boundedElastic())
				.map((i) -> "data:" + i + "\n\n");
			return exchange.getResponse()
				.writeAndFlushWith(ReactorNettyExchange.onEventLoop(exchange.getRequest(), made)
					.doOnNext((event) -> this.onEventLoop.add(eventLoop.inEventLoop()))
					.map((event) -> Flux
						.just(exchange.getResponse().bufferFactory().wrap(event.getBytes(StandardCharsets.UTF_8)))));
		};
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(events).build()))
			.bindNow();
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write("GET /events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200")
				.contains("data:199");
		}
		assertThat(this.onEventLoop).hasSize(200).containsOnly(true);
	}

	@Test
	void anEventOnItsWayWhenTheClientLeavesIsDiscardedWithoutAnError() throws Exception {
		AtomicReference<FluxSink<String>> sink = new AtomicReference<>();
		AtomicReference<EventLoop> eventLoop = new AtomicReference<>();
		CountDownLatch cancelled = new CountDownLatch(1);
		List<Object> discarded = new CopyOnWriteArrayList<>();
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		WebHandler events = (exchange) -> {
			eventLoop.set(((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())).channel()
				.eventLoop());
			Flux<String> made = Flux.create((emitter) -> {
				emitter.onCancel(() -> eventLoop.get().execute(cancelled::countDown));
				sink.set(emitter);
			});
			return exchange.getResponse()
				.writeAndFlushWith(ReactorNettyExchange.onEventLoop(exchange.getRequest(), made)
					.map((event) -> Flux.just(exchange.getResponse()
						.bufferFactory()
						.wrap(("data:" + event + "\n\n").getBytes(StandardCharsets.UTF_8))))
					.doOnDiscard(String.class, discarded::add));
		};
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(events).build()))
			.bindNow();
		Thread source = Thread.currentThread();
		AtomicBoolean holdNextHandOver = new AtomicBoolean();
		Hooks.onErrorDropped(dropped::add);
		Schedulers.onScheduleHook("client-leaves", (task) -> {
			if (Thread.currentThread() == source && holdNextHandOver.getAndSet(false)) {
				awaitQuietly(cancelled);
			}
			return task;
		});
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write("GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			await(() -> sink.get() != null);
			sink.get().next("first");
			assertThat(readUntil(in, "data:first")).startsWith("HTTP/1.1 200");
			eventLoop.get().submit(() -> {
			}).get(10, TimeUnit.SECONDS);
			holdNextHandOver.set(true);
			Thread leaving = new Thread(() -> closeQuietly(socket));
			leaving.start();
			sink.get().next("second");
			leaving.join(10_000);
		}
		finally {
			Schedulers.resetOnScheduleHook("client-leaves");
			Hooks.resetOnErrorDropped();
		}
		assertThat(cancelled.getCount()).isZero();
		await(() -> discarded.contains("second"));
		assertThat(dropped).isEmpty();
	}

	@Test
	void elementsOfARequestNotServedByReactorNettyComeAsTheyAre() {
		Flux<String> elements = Flux.just("a");
		assertThat(ReactorNettyExchange.onEventLoop(MockServerHttpRequest.get("/").build(), elements))
			.isSameAs(elements);
	}

	private static String readUntil(InputStream in, String text) throws IOException {
		StringBuilder read = new StringBuilder();
		while (read.indexOf(text) < 0) {
			int next = in.read();
			assertThat(next).as("the stream ended before %s", text).isNotNegative();
			read.append((char) next);
		}
		return read.toString();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			Thread.sleep(1);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
