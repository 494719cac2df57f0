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

package io.github.agentprotocols.appcontrol.service;

import java.net.URI;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace across the HTTP hop with real tracing: {@link HttpAppControlClient} calls a
 * service host running in a Spring Boot application of the same JVM, whose
 * {@code ObservationRegistry} traces with the OpenTelemetry SDK.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token" })
class AppControlServiceTracingTests {

	private static final RecordedSpans spans = RecordedSpans.start();

	@LocalServerPort
	int port;

	@AfterAll
	static void stopRecording() {
		spans.close();
	}

	private HttpAppControlClient client() {
		HttpAppControlClient client = HttpAppControlClient
			.create(URI.create("http://127.0.0.1:" + this.port + "/app-control/service"), "local-service-token");
		client.setObservationRegistry(spans.observationRegistry());
		return client;
	}

	private static ToolCommand command(String id) {
		return new ToolCommand(id, "macos.computer_use", "open_app", Map.of("app", "TextEdit"), 10_000);
	}

	@Test
	void runIsOneTraceFromTheClientThroughTheHostToTheHandler() {
		ToolObservation observation = client().runCommand(command("cmd_traced"));
		assertThat(observation.commandId()).isEqualTo("cmd_traced");
		assertOneTrace("run");
	}

	@Test
	void streamIsOneTraceFromTheClientThroughTheHostToTheHandler() {
		client().runStream(command("cmd_streamed")).blockLast();
		assertOneTrace("stream");
	}

	/**
	 * client span → WebFlux's server span (which read the client's traceparent header) →
	 * the host's request span → its command span → the handler's span, each ending within
	 * its parent.
	 */
	private void assertOneTrace(String action) {
		SpanData client = spans.awaitSpan("appcontrol client " + action);
		SpanData server = spans.awaitSpan("the HTTP server span under the client's",
				(span) -> span.getParentSpanId().equals(client.getSpanId()));
		SpanData request = spans.awaitSpan("appcontrol service " + action);
		SpanData command = spans.awaitSpan("appcontrol command " + action);
		SpanData handler = spans.awaitSpan("desktop tool under " + action,
				(span) -> span.getName().equals("desktop.tool") && span.getParentSpanId().equals(command.getSpanId()));
		spans.assertChildOf(request, server);
		spans.assertChildOf(command, request);
		spans.assertChildOf(handler, command);
		assertThat(handler.getTraceId()).as(spans.tree()).isEqualTo(client.getTraceId());
		// each child ends before its parent (the three share the server's clock)
		assertThat(handler.getEndEpochNanos()).isLessThanOrEqualTo(command.getEndEpochNanos());
		assertThat(command.getEndEpochNanos()).isLessThanOrEqualTo(request.getEndEpochNanos());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TracedDesktopApplication {

		@Bean
		ObservationRegistry observationRegistry() {
			return spans.observationRegistry();
		}

		/**
		 * A desktop tool that observes its own work, as a child of whatever observation
		 * is current where it runs.
		 */
		@Bean
		AppControlClient desktopTool(ObservationRegistry observationRegistry) {
			return (command, observer) -> Observation.createNotStarted("desktop.tool", observationRegistry)
				.observe(() -> ToolObservation.ok(command.commandId(), command.tool(), command.operation(), "Opened.",
						Map.of()));
		}

	}

}
