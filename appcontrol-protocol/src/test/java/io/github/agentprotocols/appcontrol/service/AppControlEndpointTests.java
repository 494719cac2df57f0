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
import java.time.Duration;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code appcontrol} actuator endpoint of an application hosting the service.
 */
@SpringBootTest(classes = AppControlServiceHostIntegrationTests.DesktopApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"management.endpoints.web.exposure.include=appcontrol" })
class AppControlEndpointTests {

	@LocalServerPort
	int port;

	@Test
	void listsTheSubmittedCommandsWithoutTheirInputOrOutput() {
		HttpAppControlClient client = HttpAppControlClient
			.builder(URI.create("http://127.0.0.1:" + this.port + "/app-control/service"))
			.token("local-service-token")
			.timeout(Duration.ofSeconds(20))
			.build();
		ToolCommand command = new ToolCommand("cmd_endpoint", "macos.computer_use", "open_app", Map.of("app", "Maps"),
				null);
		assertThat(client.submit(command, "req_endpoint_1").status()).isEqualTo(ServiceResponseStatus.COMPLETE);
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/actuator/appcontrol")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requests")
			.isEqualTo(1)
			.jsonPath("$.commands[0].requestId")
			.isEqualTo("req_endpoint_1")
			.jsonPath("$.commands[0].tool")
			.isEqualTo("macos.computer_use")
			.jsonPath("$.commands[0].operation")
			.isEqualTo("open_app")
			.jsonPath("$.commands[0].status")
			.isEqualTo("ok")
			.jsonPath("$.commands[0].finishedAt")
			.isNotEmpty()
			.jsonPath("$.commands[0].input")
			.doesNotExist();
	}

}
