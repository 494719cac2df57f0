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

package io.github.agentprotocols.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication;
import io.github.agentprotocols.benchmarks.baseline.SharedBaseline;
import io.github.agentprotocols.benchmarks.baseline.SocketIoEchoServer;
import io.socket.client.IO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadDriverTests {

	private static BaselineApplication.Running application;

	private final HttpClient client = HttpClient.newHttpClient();

	private final LoadDriver driver = new LoadDriver(4, Duration.ofSeconds(30));

	@BeforeAll
	static void startBaseline() {
		application = SharedBaseline.get();
	}

	@Test
	void httpRunRecordsEveryRequest() throws Exception {
		LatencyReport report = this.driver.run("http", 200,
				HttpOperation.get(this.client, uri("http", BaselineApplication.JSON_PATH)));
		assertThat(report.succeeded()).isEqualTo(200);
		assertThat(report.failed()).isZero();
		assertThat(report.p50()).isPositive().isLessThanOrEqualTo(report.p99());
		assertThat(report.p99()).isLessThanOrEqualTo(report.max());
		assertThat(report.throughput()).isPositive();
	}

	@Test
	void httpErrorStatusCountsAsFailure() throws Exception {
		LatencyReport report = this.driver.run("missing", 20, HttpOperation.get(this.client, uri("http", "/nope")));
		assertThat(report.succeeded()).isZero();
		assertThat(report.failed()).isEqualTo(20);
	}

	@Test
	void webSocketExchangesAnswerInOrder() throws Exception {
		AtomicInteger sequence = new AtomicInteger();
		try (WebSocketOperation echo = new WebSocketOperation(this.client, uri("ws", BaselineApplication.ECHO_PATH), 2,
				() -> "m" + sequence.incrementAndGet())) {
			assertThat(echo.call().toCompletableFuture().join()).isEqualTo("m1");
			LatencyReport report = this.driver.run("ws", 300, echo);
			assertThat(report.succeeded()).isEqualTo(300);
			assertThat(report.failed()).isZero();
		}
	}

	@Test
	void socketIoAcknowledgementsAreAwaited() throws Exception {
		IO.Options options = IO.Options.builder().setTransports(new String[] { "websocket" }).build();
		try (SocketIoEchoServer server = SocketIoEchoServer.start();
				SocketIoOperation emit = new SocketIoOperation(URI.create("http://127.0.0.1:" + server.port()), options,
						SocketIoEchoServer.EVENT, () -> "hello")) {
			assertThat(emit.call().toCompletableFuture().join()).containsExactly("hello");
			LatencyReport report = this.driver.run("socket.io", 200, emit);
			assertThat(report.succeeded()).isEqualTo(200);
		}
	}

	@Test
	void thrownOperationsCountAsFailures() throws Exception {
		LatencyReport report = this.driver.run("throwing", 10, () -> {
			throw new IllegalStateException("cannot start");
		});
		assertThat(report.failed()).isEqualTo(10);
	}

	@Test
	void concurrencyIsBounded() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger highest = new AtomicInteger();
		this.driver.run("bounded", 100, () -> CompletableFuture.runAsync(() -> {
			highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			sleep(2);
			inFlight.decrementAndGet();
		}));
		assertThat(highest.get()).isBetween(1, 4);
	}

	@Test
	void runsThatNeverFinishTimeOut() {
		LoadDriver impatient = new LoadDriver(2, Duration.ofMillis(200));
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> impatient.run("stuck", 5, CompletableFuture::new))
			.withMessageContaining("stuck");
	}

	@Test
	void csvLineMatchesHeader() throws Exception {
		LatencyReport report = this.driver.run("csv", 10, () -> CompletableFuture.completedFuture(Map.of()));
		String line = report.toCsv(report);
		assertThat(line.split(",")).hasSameSizeAs(LatencyReport.CSV_HEADER.split(","));
		assertThat(line).startsWith("csv,10,0,").endsWith(",1.000,1.000,1.000");
	}

	private static URI uri(String scheme, String path) {
		return URI.create(scheme + "://127.0.0.1:" + application.port() + path);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
