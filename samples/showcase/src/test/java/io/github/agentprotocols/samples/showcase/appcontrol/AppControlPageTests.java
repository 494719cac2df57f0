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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlProperties;
import io.github.agentprotocols.samples.showcase.ShowcaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app-control page's endpoints and the local service host behind them, on the demo
 * desktop client.
 */
@ShowcaseTest
class AppControlPageTests {

	@Autowired
	WebTestClient client;

	@Autowired
	AppControlProperties properties;

	@Test
	void demoCommandsAreListedWithTheirArguments() {
		this.client.get()
			.uri("/app-control/demo/commands")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tool")
			.isEqualTo("demo.desktop")
			.jsonPath("$.commands[*].operation")
			.isEqualTo(List.of("open_app", "type_text", "screenshot"))
			.jsonPath("$.commands[1].arguments[*].name")
			.isEqualTo(List.of("app", "text"));
	}

	@Test
	void runStreamsTheCommandsEventsInOrderAndThenTheObservation() {
		List<ServerSentEvent<Map<String, Object>>> events = run(
				Map.of("operation", "open_app", "input", Map.of("app", "TextEdit")));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("event", "event", "event", "event", "event", "complete");
		assertThat(events).extracting(ServerSentEvent::id).containsOnly(events.get(0).id());
		List<Map<String, Object>> toolEvents = events.subList(0, 5).stream().map(this::toolEvent).toList();
		assertThat(toolEvents).extracting((event) -> event.get("seq")).containsExactly(0, 1, 2, 3, 4);
		assertThat(toolEvents).extracting((event) -> event.get("type"))
			.containsExactly("started", "progress", "progress", "progress", "observation");
		assertThat(toolEvents).extracting((event) -> event.get("summary"))
			.containsExactly("Started open_app", "Looking up TextEdit", "Launching TextEdit",
					"The TextEdit window is in front", "TextEdit is open and in front");
		Map<String, Object> complete = events.get(5).data();
		assertThat(complete).containsEntry("schema", "app_control.service.response.v1")
			.containsEntry("status", "complete")
			.containsEntry("requestId", events.get(0).id());
		assertThat(observation(complete)).containsEntry("status", "ok")
			.containsEntry("tool", "demo.desktop")
			.containsEntry("observation", Map.of("app", "TextEdit", "window", "Untitled", "frontmost", true));
	}

	@Test
	void unknownAppIsAStreamedNotFoundObservation() {
		List<ServerSentEvent<Map<String, Object>>> events = run(
				Map.of("operation", "open_app", "input", Map.of("app", "Photoshop")));

		assertThat(observation(events.get(events.size() - 1).data())).containsEntry("status", "not_found")
			.containsEntry("failureKind", "app_not_found")
			.containsEntry("message", "Photoshop is not installed");
	}

	@Test
	void invalidCommandIsRefusedWithTheHostsEnvelope() {
		this.client.post()
			.uri("/app-control/demo/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("operation", "open_app", "input", Map.of("app", "TextEdit"), "timeoutMs", 0))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.schema")
			.isEqualTo("app_control.service.response.v1")
			.jsonPath("$.status")
			.isEqualTo("failed")
			.jsonPath("$.error.failureKind")
			.isEqualTo("invalid_request")
			.jsonPath("$.error.evidence.pointer")
			.isEqualTo("/command/timeoutMs")
			.jsonPath("$.error.message")
			.value((message) -> assertThat(message.toString()).contains("timeoutMs"));
	}

	@Test
	void hostServesTheDemoClientOverHttpToCallersWithTheToken() {
		ToolCommand command = new ToolCommand("cmd_http", "demo.desktop", "screenshot", Map.of("app", "Notes"), null);
		this.client.post()
			.uri(this.properties.getService().getPath())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ServiceRequest.run(command, this.properties.getService().getToken()).toMap())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("complete")
			.jsonPath("$.observation.commandId")
			.isEqualTo("cmd_http")
			.jsonPath("$.observation.summary")
			.isEqualTo("Took a 1280×800 screenshot of Notes");
		this.client.post()
			.uri(this.properties.getService().getPath())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ServiceRequest.run(command, "not-the-token").toMap())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.message")
			.isEqualTo("invalid local service token");
	}

	@Test
	void healthShowsTheServiceHostsCounters() {
		run(Map.of("operation", "screenshot", "input", Map.of("app", "Safari")));

		this.client.get()
			.uri("/actuator/health/agentProtocols")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.appControl.status")
			.isEqualTo("UP")
			.jsonPath("$.components.appControl.details.serviceHost.requests")
			.value((requests) -> assertThat(((Number) requests).longValue()).isPositive())
			.jsonPath("$.components.appControl.details.serviceHost.running")
			.isEqualTo(0)
			.jsonPath("$.components.appControl.details.serviceHost.stored")
			.isNumber();
	}

	private List<ServerSentEvent<Map<String, Object>>> run(Map<String, Object> command) {
		return this.client.post()
			.uri("/app-control/demo/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
			.bodyValue(command)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(20));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> toolEvent(ServerSentEvent<Map<String, Object>> envelope) {
		assertThat(envelope.data()).containsEntry("schema", "app_control.service.event.v1");
		return (Map<String, Object>) envelope.data().get("event");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> observation(Map<String, Object> response) {
		return (Map<String, Object>) response.get("observation");
	}

}
