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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service host records in its {@link AppControlMetrics}: every command it runs,
 * by action and final status, and every refusal its transports answer with.
 */
class AppControlServiceHostMetricsTests {

	private final List<String> recorded = new CopyOnWriteArrayList<>();

	private final AppControlServiceHost host = AppControlServiceHost
		.builder(new FakeDesktopTool(), "local-service-token")
		.metrics(new AppControlMetrics() {

			@Override
			public void commandCompleted(ServiceAction action, ToolObservation observation, Duration duration) {
				assertThat(duration.isNegative()).isFalse();
				AppControlServiceHostMetricsTests.this.recorded
					.add(action.wireValue() + " " + observation.commandId() + " " + observation.status().wireValue());
			}

			@Override
			public void requestRejected(String transport, String failureKind) {
				AppControlServiceHostMetricsTests.this.recorded.add("rejected " + transport + " " + failureKind);
			}

		})
		.build();

	@AfterEach
	void close() {
		this.host.close();
	}

	private static ToolCommand command(String id, String operation, Integer timeoutMs) {
		return new ToolCommand(id, "macos.computer_use", operation, Map.of("app", "TextEdit"), timeoutMs);
	}

	@Test
	void everyCommandIsRecordedWithItsActionAndFinalStatus() {
		this.host.run(ServiceRequest.run(command("cmd_ok", "open_app", null), "local-service-token")).block();
		this.host.run(ServiceRequest.run(command("cmd_deny", "deny", null), "local-service-token")).block();
		this.host.run(ServiceRequest.run(command("cmd_gate", "gate", 50), "local-service-token")).block();
		this.host.submit(ServiceRequest.submit(command("cmd_submit", "crash", null), "req_1", "local-service-token"))
			.block();
		this.host.stream(ServiceRequest.stream(command("cmd_stream", "open_app", null), "local-service-token"))
			.collectList()
			.block();
		assertThat(this.recorded).containsExactly("run cmd_ok ok", "run cmd_deny failed", "run cmd_gate timeout",
				"submit cmd_submit failed", "stream cmd_stream ok");
	}

	@Test
	void refusalsOverHttpAreRecordedWithTheirFailureKind() {
		WebTestClient http = WebTestClient
			.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/service"),
					new AppControlServiceHandler(this.host, 1024)))
			.build();
		http.post()
			.uri("/service")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{")
			.exchange()
			.expectStatus()
			.isBadRequest();
		http.post()
			.uri("/service")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ServiceRequest.poll("req_unknown", "local-service-token").toJson())
			.exchange()
			.expectStatus()
			.isNotFound();
		http.post()
			.uri("/service")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ServiceRequest.poll("req_unknown", "wrong").toJson())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(this.recorded).containsExactly("rejected http invalid_json", "rejected http not_found",
				"rejected http invalid_request");
	}

	@Test
	void refusalsOnTheUnixSocketAreRecordedWithTheirFailureKind(@TempDir Path directory) {
		Path socket = directory.resolve("service.sock");
		try (UnixSocketServiceServer server = new UnixSocketServiceServer(this.host, socket, 1024,
				Duration.ofSeconds(10))) {
			server.start();
			ServiceResponse response = UnixSocketAppControlClient.create(socket, "local-service-token")
				.exchange(ServiceRequest.poll("req_unknown", "local-service-token"));
			assertThat(response.status().wireValue()).isEqualTo("not_found");
		}
		assertThat(this.recorded).containsExactly("rejected unix_socket not_found");
	}

}
