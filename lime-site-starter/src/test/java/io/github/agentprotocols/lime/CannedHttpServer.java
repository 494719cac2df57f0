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

package io.github.agentprotocols.lime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.awaitility.Awaitility.await;

/**
 * A loopback HTTP server answering every request with canned bodies, in order (the last
 * one repeats), or never answering at all: for the malformed responses and the silence
 * the fake LIME API does not produce.
 */
public final class CannedHttpServer implements AutoCloseable {

	private static final Answer DEFAULT = new Answer(200, "{\"ok\":true,\"data\":{}}");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final AtomicInteger requests = new AtomicInteger();

	private final List<Answer> answers = new ArrayList<>();

	private boolean silent;

	private CannedHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a server that answers 200 {@code {"ok":true,"data":{}}} until told otherwise.
	 * @return the running server
	 */
	public static CannedHttpServer start() {
		return new CannedHttpServer();
	}

	/**
	 * Queue an answer; once the queue is down to one answer, that one repeats.
	 * @param status the status
	 * @param body the body
	 * @return this server
	 */
	public synchronized CannedHttpServer answer(int status, String body) {
		this.answers.add(new Answer(status, body));
		return this;
	}

	/**
	 * Read requests and never answer them.
	 * @return this server
	 */
	public synchronized CannedHttpServer silent() {
		this.silent = true;
		return this;
	}

	/**
	 * Return the API base of this server.
	 * @return {@code http://127.0.0.1:<port>/api/v1}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v1";
	}

	/**
	 * Return how many requests arrived.
	 * @return the number of requests
	 */
	public int requestCount() {
		return this.requests.get();
	}

	/**
	 * Wait until at least a number of requests arrived, then return how many did: the
	 * server counts a request on a thread of its own, possibly after the client gave up
	 * on it.
	 * @param atLeast the number of requests to wait for
	 * @return the number of requests
	 */
	public int awaitRequests(int atLeast) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.requests.get() >= atLeast);
		return this.requests.get();
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.requests.incrementAndGet();
		Answer answer = next();
		if (answer == null) {
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return;
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private synchronized Answer next() {
		if (this.silent) {
			return null;
		}
		if (this.answers.isEmpty()) {
			return DEFAULT;
		}
		return (this.answers.size() > 1) ? this.answers.remove(0) : this.answers.get(0);
	}

	private record Answer(int status, String body) {

	}

}
