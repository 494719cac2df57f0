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
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.observation.DefaultClientRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The observations of the local service host: each request its transports answer
 * ({@code appcontrol.service.request}), refusals included, and each command it runs
 * ({@code appcontrol.service.command}), in whose scope the client runs.
 */
class AppControlServiceObservationTests {

	private static final String REQUEST = DefaultServiceRequestObservationConvention.NAME;

	private static final String COMMAND = DefaultServiceCommandObservationConvention.NAME;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> started = new CopyOnWriteArrayList<>();

	private final List<String> stopped = new CopyOnWriteArrayList<>();

	private final AtomicReference<Observation> currentInClient = new AtomicReference<>();

	private final FakeDesktopTool tool = new FakeDesktopTool();

	private final AppControlClient client = (command, observer) -> {
		this.currentInClient.set(this.registry.getCurrentObservation());
		return this.tool.runCommand(command, observer);
	};

	private final AppControlServiceHost host = AppControlServiceHost.builder(this.client, "local-service-token")
		.observationRegistry(this.registry)
		.build();

	private final WebTestClient http = WebTestClient
		.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/service"),
				new AppControlServiceHandler(this.host, 64 * 1024)))
		.build();

	@BeforeEach
	void recordStartsAndStops() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				AppControlServiceObservationTests.this.started.add(context.getName());
			}

			@Override
			public void onStop(Observation.Context context) {
				AppControlServiceObservationTests.this.stopped.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@AfterEach
	void close() {
		this.host.close();
	}

	private static ToolCommand command(String id, String operation) {
		return new ToolCommand(id, "macos.computer_use", operation, Map.of("app", "TextEdit"), null);
	}

	private WebTestClient.ResponseSpec post(Object envelope) {
		return this.http.post()
			.uri("/service")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue((envelope instanceof ServiceRequest request) ? request.toJson() : envelope)
			.exchange();
	}

	/**
	 * Waits until the observations named have been stopped: a transport stops them once
	 * it has sent its last byte, which the client may read first.
	 */
	private void awaitStopped(String... names) {
		await().until(() -> this.stopped.containsAll(List.of(names)) && this.stopped.size() == this.started.size());
	}

	@Test
	void httpRunIsARequestObservationWithTheCommandObservationInsideIt() {
		post(ServiceRequest.run(command("cmd_1", "open_app"), "local-service-token")).expectStatus().isOk();
		awaitStopped(REQUEST, COMMAND);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(REQUEST)
			.that()
			.hasContextualNameEqualTo("appcontrol service run")
			.hasLowCardinalityKeyValue("appcontrol.transport", "http")
			.hasLowCardinalityKeyValue("appcontrol.action", "run")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
			.hasLowCardinalityKeyValue("appcontrol.failure.kind", "none")
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_1")
			.hasHighCardinalityKeyValue("appcontrol.tool", "macos.computer_use")
			.hasHighCardinalityKeyValue("appcontrol.operation", "open_app")
			.doesNotHaveError()
			// WebFlux's own server observation is a no-op here: not a parent
			.doesNotHaveParentObservation()
			.hasBeenStarted()
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(COMMAND)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.action", "run")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok")
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_1")
			.hasHighCardinalityKeyValueWithKey("appcontrol.request.id")
			.hasParentObservationContextMatching(ServiceRequestObservationContext.class::isInstance)
			.hasBeenStopped();
		assertThat(this.currentInClient.get().getContext().getName()).isEqualTo(COMMAND);
	}

	@Test
	void validationRejectionIsARequestObservationWithItsFailureKindAndNoCommand() {
		post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
				+ "\"command\":{\"commandId\":\"\",\"tool\":\"t\",\"operation\":\"o\"}}")
			.expectStatus()
			.isBadRequest();
		awaitStopped(REQUEST);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo(REQUEST)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.transport", "http")
			.hasLowCardinalityKeyValue("appcontrol.action", "unknown")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "failed")
			.hasLowCardinalityKeyValue("appcontrol.failure.kind", "invalid_request")
			.doesNotHaveError()
			.hasBeenStopped();
		assertThat(this.tool.runs).hasValue(0);
	}

	@Test
	void wrongTokenAndUnknownActionAreObservedWithTheirFailureKinds() {
		post(ServiceRequest.run(command("cmd_1", "open_app"), "other-token")).expectStatus().isUnauthorized();
		post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"dance\",\"token\":\"local-service-token\"}")
			.expectStatus()
			.isBadRequest();
		awaitStopped(REQUEST);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(REQUEST, 2)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("appcontrol.failure.kind",
					"invalid_request"))
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("appcontrol.failure.kind",
					"unsupported_action"))
			.hasNumberOfObservationsWithNameEqualTo(COMMAND, 0);
	}

	@Test
	void streamIsObservedUntilItsFinalResponse() {
		post(ServiceRequest.stream(command("cmd_s", "open_app"), "local-service-token")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"status\":\"complete\""));
		awaitStopped(REQUEST, COMMAND);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(REQUEST)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.action", "stream")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(COMMAND)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.action", "stream")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok")
			.hasParentObservationContextMatching(ServiceRequestObservationContext.class::isInstance)
			.hasBeenStopped();
		assertThat(this.currentInClient.get().getContext().getName()).isEqualTo(COMMAND);
	}

	@Test
	void submittedCommandIsAChildOfItsRequest() {
		post(ServiceRequest.submit(command("cmd_sub", "open_app"), "req_1", "local-service-token")).expectStatus()
			.isOk();
		awaitStopped(REQUEST, COMMAND);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(COMMAND)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.action", "submit")
			.hasHighCardinalityKeyValue("appcontrol.request.id", "req_1")
			.hasParentObservationContextMatching(ServiceRequestObservationContext.class::isInstance)
			.hasBeenStopped();
	}

	@Test
	void commandWhoseClientThrowsIsObservedWithTheError() {
		post(ServiceRequest.run(command("cmd_crash", "crash"), "local-service-token")).expectStatus().isOk();
		awaitStopped(COMMAND);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(COMMAND)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.command.status", "failed")
			.assertThatError()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("backend crashed");
	}

	@Test
	void unixSocketRequestsAreObservedWithTheirTransport(@TempDir Path directory) {
		try (UnixSocketServiceServer server = new UnixSocketServiceServer(this.host, directory.resolve("s.sock"),
				64 * 1024, Duration.ofSeconds(30))) {
			server.start();
			UnixSocketAppControlClient client = UnixSocketAppControlClient.create(server.getSocketPath(),
					"local-service-token");
			client.setObservationRegistry(this.registry);
			ToolObservation observation = client.runCommand(command("cmd_u", "open_app"));
			assertThat(observation.commandId()).isEqualTo("cmd_u");
			assertThatExceptionOfType(AppControlTransportException.class)
				.isThrownBy(() -> UnixSocketAppControlClient.create(server.getSocketPath(), "wrong")
					.runCommand(command("cmd_w", "open_app")));
			awaitStopped(REQUEST, COMMAND);
		}
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(REQUEST, 2)
			.hasAnObservation((request) -> request.hasNameEqualTo(REQUEST)
				.hasLowCardinalityKeyValue("appcontrol.transport", "unix_socket")
				.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
				.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_u")
				.doesNotHaveParentObservation())
			.hasAnObservation((request) -> request.hasNameEqualTo(REQUEST)
				.hasLowCardinalityKeyValue("appcontrol.transport", "unix_socket")
				.hasLowCardinalityKeyValue("appcontrol.failure.kind", "invalid_request"))
			.hasObservationWithNameEqualTo(COMMAND)
			.that()
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_u")
			.hasParentObservationContextMatching(ServiceRequestObservationContext.class::isInstance);
		// observed on both ends, unrelated: the socket carries no trace (the host's
		// request has no parent)
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(DefaultClientRequestObservationConvention.NAME)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.transport", "unix_socket")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok")
			.hasBeenStopped();
	}

}
