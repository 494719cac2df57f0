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

package io.github.agentprotocols.benchmarks.lime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.agentprotocols.benchmarks.load.LatencyReport;
import io.github.agentprotocols.benchmarks.load.LoadDriver;
import io.github.agentprotocols.benchmarks.load.LoadScenario;
import io.github.agentprotocols.benchmarks.load.Operation;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * LIME event latency: the time from the fake LIME API publishing an {@code approved}
 * event until a {@link LimeEventDispatcher}'s login handler is invoked with it, one event
 * in flight at a time. Baseline: a raw WebClient {@code ServerSentEvent} read of the same
 * stream from the same server, completing on the frame itself. The difference is the
 * dispatcher's own work: frame guard, JSON classification, dedupe and the hop to the
 * handler scheduler. Goal: p99 at most 2 ms.
 */
public final class LimeEventLatency implements LoadScenario {

	private static final int REQUESTS = 20_000;

	private static final String REQUEST_ID_FIELD = "\"login_request_id\":\"";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT_TYPE = new ParameterizedTypeReference<>() {
	};

	private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	private final AtomicLong next = new AtomicLong();

	@Override
	public List<LatencyReport> run() throws Exception {
		LoadDriver driver = new LoadDriver(1, Duration.ofMinutes(3));
		List<LatencyReport> reports = new ArrayList<>();
		try (FakeLimeApi fake = FakeLimeApi.start()) {
			String passport = fake.passports().login("lr_benchmark");
			Operation publish = () -> {
				String requestId = "lr_" + this.next.incrementAndGet();
				CompletableFuture<Void> delivered = new CompletableFuture<>();
				this.pending.put(requestId, delivered);
				fake.emitApproved(requestId, passport);
				return delivered;
			};
			Disposable raw = rawRead(fake);
			try {
				awaitUntil(() -> fake.openStreams() == 1);
				driver.run("warmup", REQUESTS / 4, publish);
				reports.add(driver.run("baseline-webclient-sse-read", REQUESTS, publish));
			}
			finally {
				raw.dispose();
			}
			awaitUntil(() -> fake.openStreams() == 0);
			LimeEventDispatcher dispatcher = LimeEventDispatcher.builder(fake.siteToken())
				.apiBase(fake.baseUrl())
				.handler((requestId, passportJwt) -> complete(requestId))
				.build();
			dispatcher.start();
			try {
				awaitUntil(() -> dispatcher.getState().status() == Status.CONNECTED);
				driver.run("warmup", REQUESTS / 4, publish);
				reports.add(driver.run("lime-event-to-handler", REQUESTS, publish));
			}
			finally {
				dispatcher.stop();
			}
		}
		return reports;
	}

	private Disposable rawRead(FakeLimeApi fake) {
		Consumer<ServerSentEvent<String>> onEvent = (event) -> {
			String data = event.data();
			int start = (data != null) ? data.indexOf(REQUEST_ID_FIELD) : -1;
			if (start >= 0) {
				start += REQUEST_ID_FIELD.length();
				complete(data.substring(start, data.indexOf('"', start)));
			}
		};
		return WebClient.create()
			.get()
			.uri(fake.baseUrl() + LimeEventDispatcher.EVENTS_PATH)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("X-Site-Token", fake.siteToken())
			.retrieve()
			.bodyToFlux(EVENT_TYPE)
			.subscribe(onEvent);
	}

	private void complete(String requestId) {
		CompletableFuture<Void> delivered = this.pending.remove(requestId);
		if (delivered != null) {
			delivered.complete(null);
		}
	}

	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("LIME event stream not ready within 30 s");
			}
			Thread.sleep(10);
		}
	}

}
