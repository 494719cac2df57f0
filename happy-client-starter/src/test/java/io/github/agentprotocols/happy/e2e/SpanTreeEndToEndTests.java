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

package io.github.agentprotocols.happy.e2e;

import java.time.Duration;

import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.HappyObservations;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With real tracing, a task is one trace: the task's span is the parent of its spawn
 * (itself the parent of the daemon's RPC), its turn (the parent of the prompt's REST
 * call) and the RPC that stops the session; the REST calls carry the trace to the server.
 */
class SpanTreeEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void taskIsOneTraceFromSpawnThroughTurnToStop() {
		try (RecordedSpans spans = RecordedSpans.start()) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
				.withBean(ObservationRegistry.class, spans::observationRegistry)
				.withInitializer(new FakeHappyServerInitializer())
				.run((context) -> {
					FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
					String sessionId = context.getBean(HappyClient.class)
						.runTask(daemon.machineId(), "/home/user/project", "Hello", Agent.CLAUDE, WAIT);
					SpanData task = spans.awaitSpan("happy.task");
					SpanData spawn = spans.awaitSpan("happy.spawn");
					SpanData spawnRpc = spans.awaitSpan("rpc spawn-happy-session");
					SpanData turn = spans.awaitSpan("happy.turn");
					SpanData prompt = spans.awaitSpan("POST /v3/sessions/{id}/messages");
					SpanData stop = spans.awaitSpan("rpc killSession");
					assertThat(task.getParentSpanContext().isValid()).as(spans.tree()).isFalse();
					assertThat(task.getAttributes().asMap()).as(spans.tree())
						.anySatisfy((key, value) -> assertThat(key.getKey() + "=" + value)
							.isEqualTo("happy.session.id=" + sessionId));
					spans.assertChildOf(spawn, task);
					spans.assertChildOf(spawnRpc, spawn);
					spans.assertChildOf(turn, task);
					spans.assertChildOf(prompt, turn);
					spans.assertChildOf(stop, task);
					assertThat(traceparent(context.getBean(FakeHappyServer.class), "POST",
							"/v3/sessions/" + sessionId + "/messages"))
						.startsWith("00-" + prompt.getTraceId() + "-" + prompt.getSpanId() + "-");
				});
		}
	}

	@Test
	void instrumentedWebClientsSpanIsAChildOfTheRestCallAndCarriesTheTrace() {
		try (RecordedSpans spans = RecordedSpans.start(); FakeHappyServer server = FakeHappyServer.start()) {
			HappyTestAccount account = HappyTestAccount.create(server);
			try (FakeHappyDaemon daemon = FakeHappyDaemon.start(account);
					HappyClient client = ReactiveHappyClient.builder(account.credentials())
						.webClient(WebClient.builder().observationRegistry(spans.observationRegistry()))
						.observations(new HappyObservations(spans.observationRegistry()))
						.buildBlocking()) {
				client.getMachine(daemon.machineId());
				SpanData call = spans.awaitSpan("GET /v1/machines/{id}");
				SpanData exchange = spans.awaitSpan("http get");
				spans.assertChildOf(exchange, call);
				assertThat(traceparent(server, "GET", "/v1/machines/" + daemon.machineId()))
					.startsWith("00-" + exchange.getTraceId() + "-" + exchange.getSpanId() + "-");
			}
		}
	}

	private static String traceparent(FakeHappyServer server, String method, String path) {
		return server.receivedHeaders()
			.stream()
			.filter((received) -> received.request().method().equals(method) && received.request().path().equals(path))
			.map((received) -> received.header("traceparent"))
			.findFirst()
			.orElse(null);
	}

}
