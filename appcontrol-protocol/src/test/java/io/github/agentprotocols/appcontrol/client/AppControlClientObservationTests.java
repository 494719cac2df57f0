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

package io.github.agentprotocols.appcontrol.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.github.agentprotocols.appcontrol.HelperResponse;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.observation.DefaultClientRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultHelperRequestObservationConvention;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observations of the clients: each request a service host client sends
 * ({@code appcontrol.client.request}), whose propagation fields travel as HTTP headers,
 * and each desktop helper round trip ({@code appcontrol.helper.request}).
 */
class AppControlClientObservationTests {

	private static final String CLIENT = DefaultClientRequestObservationConvention.NAME;

	private static final String HELPER = DefaultHelperRequestObservationConvention.NAME;

	private static final ToolCommand COMMAND = new ToolCommand("cmd_1", "macos.computer_use", "open_app");

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AtomicReference<String> receivedTraceHeader = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/**
	 * A client of a host that answers every request with {@code body} and records the
	 * {@code traceparent} header it receives.
	 */
	private HttpAppControlClient clientOfHostAnswering(int status, String contentType, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/service", (exchange) -> {
			this.receivedTraceHeader.set(exchange.getRequestHeaders().getFirst("traceparent"));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		HttpAppControlClient client = HttpAppControlClient
			.create(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/service"), "t");
		client.setObservationRegistry(this.registry);
		return client;
	}

	/**
	 * Writes a {@code traceparent} field into every sender context, as a propagating
	 * tracing handler does.
	 */
	private void propagateFixedTraceparent(String value) {
		this.registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {

			@Override
			public void onStart(SenderContext<Object> context) {
				context.getSetter().set(context.getCarrier(), "traceparent", value);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof SenderContext;
			}

		});
	}

	private static String complete(ToolObservation observation) {
		return ServiceResponse.complete(observation, "req_1").toJson();
	}

	@Test
	void httpRunIsObservedAndCarriesThePropagationFieldsAsHeaders() throws IOException {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		propagateFixedTraceparent(traceparent);
		HttpAppControlClient client = clientOfHostAnswering(200, "application/json",
				complete(ToolObservation.ok("cmd_1", "macos.computer_use", "open_app", "Opened.", Map.of())));
		client.runCommand(COMMAND);
		assertThat(this.receivedTraceHeader).hasValue(traceparent);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasContextualNameEqualTo("appcontrol client run")
			.hasLowCardinalityKeyValue("appcontrol.transport", "http")
			.hasLowCardinalityKeyValue("appcontrol.action", "run")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok")
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_1")
			.hasHighCardinalityKeyValue("appcontrol.tool", "macos.computer_use")
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void httpRequestInsideAnotherObservationIsItsChild() throws IOException {
		HttpAppControlClient client = clientOfHostAnswering(200, "application/json",
				complete(ToolObservation.ok("cmd_1", "macos.computer_use", "open_app", "Opened.", Map.of())));
		Observation.createNotStarted("agent.turn", this.registry).observe(() -> client.runCommand(COMMAND));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasParentObservationContextMatching((parent) -> "agent.turn".equals(parent.getName()));
	}

	@Test
	void refusalIsObservedAsAFailedResponseWithItsError() throws IOException {
		HttpAppControlClient client = clientOfHostAnswering(401, "application/json",
				ServiceResponse.failed(new ToolError("invalid_request", "invalid local service token"), null).toJson());
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> client.runCommand(COMMAND));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.response.status", "failed")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "none")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(AppControlTransportException.class);
	}

	@Test
	void unreachableHostIsObservedWithoutAResponse() throws IOException {
		HttpAppControlClient client = clientOfHostAnswering(200, "application/json", "{}");
		this.server.stop(0);
		this.server = null;
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> client.runCommand(COMMAND));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.response.status", "none")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void streamIsObservedUntilTheFinalResponseWithTheCommandStatus() throws IOException {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		propagateFixedTraceparent(traceparent);
		ToolObservation timedOut = ToolObservation.failure("cmd_1", "macos.computer_use", "open_app",
				ToolStatus.TIMEOUT, new ToolError("timeout", "took too long"));
		String events = "event:event\ndata:{\"schema\":\"app_control.service.event.v1\",\"requestId\":\"req_1\","
				+ "\"status\":\"event\",\"success\":true,\"event\":" + ToolEvents.observation(1, timedOut).toJson()
				+ "}\n\nevent:complete\ndata:" + complete(timedOut) + "\n\n";
		HttpAppControlClient client = clientOfHostAnswering(200, "text/event-stream", events);
		assertThat(client.runStream(COMMAND).collectList().block()).hasSize(1);
		assertThat(this.receivedTraceHeader).hasValue(traceparent);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.action", "stream")
			.hasLowCardinalityKeyValue("appcontrol.response.status", "complete")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "timeout")
			.hasBeenStopped();
	}

	@Test
	void helperRoundTripIsObservedWithTheHelpersStatus() {
		HelperAppControlClient client = new HelperAppControlClient((request) -> HelperResponse
			.toolFailure(ToolObservation.failure("cmd_1", "macos.computer_use", "open_app",
					ToolStatus.PERMISSION_MISSING, new ToolError("permission_missing", "Accessibility is off")))
			.toMap(), "helper-token", null, ProtocolSchemas.shared());
		client.setObservationRegistry(this.registry);
		Observation.createNotStarted("agent.turn", this.registry).observe(() -> client.runCommand(COMMAND));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(HELPER)
			.that()
			.hasContextualNameEqualTo("appcontrol helper")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "permission_missing")
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_1")
			.hasHighCardinalityKeyValue("appcontrol.operation", "open_app")
			.hasParentObservationContextMatching((parent) -> "agent.turn".equals(parent.getName()))
			.doesNotHaveError()
			.hasBeenStopped();
	}

	@Test
	void helperThatCannotBeReachedIsObservedWithTheError() {
		HelperAppControlClient client = new HelperAppControlClient((request) -> {
			throw new AppControlTransportException("helper at /tmp/h.sock has no socket");
		}, null, null, ProtocolSchemas.shared());
		client.setObservationRegistry(this.registry);
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> client.runCommand(COMMAND));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(HELPER)
			.that()
			.hasLowCardinalityKeyValue("appcontrol.command.status", "none")
			.hasBeenStopped()
			.assertThatError()
			.hasMessageContaining("has no socket");
	}

}
