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

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.PythonScripts;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The local service host on a Unix domain socket, in an application without a web server:
 * driven by a client we did not write in Java ({@code service_client.py}, Python's
 * standard library speaking spec §8 exactly) and by {@link UnixSocketAppControlClient}.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
@SpringBootTest(classes = AppControlServiceHostIntegrationTests.DesktopApplication.class,
		webEnvironment = WebEnvironment.NONE,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"app-control.service.max-request-size=4KB", "app-control.service.socket-timeout=1s" })
class UnixSocketServiceServerTests {

	private static final Path DIRECTORY = createDirectory();

	private static final Path SOCKET = DIRECTORY.resolve("service.sock");

	@Autowired
	FakeDesktopTool tool;

	@DynamicPropertySource
	static void socketPath(DynamicPropertyRegistry registry) {
		registry.add("app-control.service.socket-path", SOCKET::toString);
	}

	@AfterAll
	static void removeDirectory() throws IOException {
		Files.deleteIfExists(SOCKET);
		Files.deleteIfExists(DIRECTORY);
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("appcontrol");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final UnixSocketAppControlClient client = new UnixSocketAppControlClient(SOCKET, "local-service-token",
			Duration.ofSeconds(20), ProtocolSchemas.shared());

	/** What the Python client reports after one request. */
	record Report(List<Map<String, Object>> envelopes, boolean closedAfterFinal, String socketMode) {

		Map<String, Object> last() {
			return this.envelopes.get(this.envelopes.size() - 1);
		}

		ServiceResponse response() {
			return ServiceResponse
				.fromMap(ProtocolSchemas.shared().validateProtocolPayload("service_response", last()));
		}

	}

	@SuppressWarnings("unchecked")
	private static Report python(String request, String... options) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(SOCKET.toString()));
		arguments.addAll(List.of(options));
		String output = PythonScripts.run("service_client.py", request.getBytes(StandardCharsets.UTF_8),
				arguments.toArray(String[]::new));
		Map<String, Object> report = AppControlJson.readObject(output.strip());
		return new Report((List<Map<String, Object>>) report.get("envelopes"), (Boolean) report.get("closedAfterFinal"),
				(String) report.get("socketMode"));
	}

	private static String request(String action, String extra) {
		return "{\"schema\":\"app_control.service.request.v1\",\"action\":\"" + action
				+ "\",\"token\":\"local-service-token\"" + extra + "}";
	}

	private static String command(String operation, String input) {
		return ",\"command\":{\"commandId\":\"cmd_" + operation + "\",\"tool\":\"macos.computer_use\",\"operation\":\""
				+ operation + "\",\"input\":" + input + "}";
	}

	@Test
	void pythonClientRunsACommand() throws Exception {
		Report report = python(request("run", command("open_app", "{\"app\":\"TextEdit\"}")));
		assertThat(report.envelopes()).hasSize(1);
		assertThat(report.closedAfterFinal()).isTrue();
		ServiceResponse response = report.response();
		assertThat(response.status()).isEqualTo(ServiceResponseStatus.COMPLETE);
		assertThat(response.requestId()).matches("req_[0-9a-f]{32}");
		assertThat(response.observationModel().observation()).containsEntry("app", "TextEdit");
		assertThat(report.socketMode()).isEqualTo("0o600");
	}

	@Test
	void pythonClientSubmitsThenPolls() throws Exception {
		Report submitted = python(request("submit", ",\"requestId\":\"req_py_1\"" + command("open_app", "{}")));
		assertThat(submitted.response().requestId()).isEqualTo("req_py_1");
		assertThat(submitted.response().observationModel().summary()).isEqualTo("Done: open_app");
		assertThat(submitted.closedAfterFinal()).isTrue();
		Report polled = python(request("poll", ",\"requestId\":\"req_py_1\""));
		assertThat(polled.envelopes()).hasSize(1);
		assertThat(polled.response()).isEqualTo(submitted.response());
		Report unknown = python(request("poll", ",\"requestId\":\"req_py_unknown\""));
		assertThat(unknown.response().status()).isEqualTo(ServiceResponseStatus.NOT_FOUND);
		assertThat(unknown.response().success()).isFalse();
		assertThat(unknown.response().requestId()).isEqualTo("req_py_unknown");
	}

	@Test
	@SuppressWarnings("unchecked")
	@SpecItem("AC-10.32")
	void pythonClientStreamsEventLinesThenTheFinalResponse() throws Exception {
		Report report = python(request("stream", ",\"requestId\":\"req_py_stream\"" + command("open_app", "{}")));
		assertThat(report.envelopes()).extracting((envelope) -> envelope.get("status"))
			.containsExactly("event", "event", "event", "complete");
		List<ToolEvent> events = new ArrayList<>();
		for (Map<String, Object> envelope : report.envelopes().subList(0, 3)) {
			ProtocolSchemas.shared().validateProtocolPayload("service_event", envelope);
			assertThat(envelope).containsEntry("requestId", "req_py_stream");
			events.add(ToolEvent.fromMap((Map<String, Object>) envelope.get("event")));
		}
		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.PROGRESS, ToolEventType.OBSERVATION);
		assertThat(report.response().observationModel()).isEqualTo(ToolEvents.finalObservation(events));
		assertThat(report.closedAfterFinal()).isTrue();
	}

	@Test
	void pythonClientMayEndItsRequestByClosingItsSide() throws Exception {
		Report report = python(request("run", command("open_app", "{}")), "--no-newline");
		assertThat(report.response().status()).isEqualTo(ServiceResponseStatus.COMPLETE);
	}

	@Test
	void refusalsCarryTheSpecFailureKinds() throws Exception {
		assertThat(python("", "--raw", "--no-newline").response().error().failureKind()).isEqualTo("empty_request");
		assertThat(python("", "--raw").response().error().failureKind()).isEqualTo("invalid_json");
		assertThat(python("{\"schema\":", "--raw").response().error().failureKind()).isEqualTo("invalid_json");
		assertThat(python("[1,2]", "--raw").response().error().failureKind()).isEqualTo("invalid_request");
		assertThat(python(request("fetch", "")).response().error().failureKind()).isEqualTo("unsupported_action");
		assertThat(python(request("run", "")).response().error().failureKind()).isEqualTo("invalid_request");
		ServiceResponse badToken = python(
				request("run", command("open_app", "{}")).replace("local-service-token", "wrong"))
			.response();
		assertThat(badToken.error().failureKind()).isEqualTo("invalid_request");
		assertThat(badToken.error().message()).isEqualTo("invalid local service token");
		Report tooLarge = python(request("run", command("open_app", "{\"text\":\"" + "x".repeat(8192) + "\"}")));
		assertThat(tooLarge.response().error().failureKind()).isEqualTo("request_too_large");
		assertThat(tooLarge.closedAfterFinal()).isTrue();
	}

	@Test
	void tokenWithSurroundingWhiteSpaceIsRefusedAsUpstreamRefusesIt() throws Exception {
		ServiceResponse padded = python(
				request("run", command("open_app", "{}")).replace("local-service-token", " local-service-token "))
			.response();
		assertThat(padded.status()).isEqualTo(ServiceResponseStatus.FAILED);
		assertThat(padded.error().failureKind()).isEqualTo("invalid_request");
		assertThat(padded.error().message()).isEqualTo("invalid local service token");
	}

	@Test
	void nonFiniteNumbersPythonWritesByDefaultAreReadAndWrittenBackAsPythonWritesThem() throws Exception {
		Report report = python(
				request("run", command("open_app", "{\"ratio\":NaN,\"limit\":Infinity,\"floor\":[-Infinity]}")));
		ServiceResponse response = report.response();
		assertThat(response.status()).isEqualTo(ServiceResponseStatus.COMPLETE);
		assertThat(response.observationModel().observation()).containsEntry("ratio", Double.NaN)
			.containsEntry("limit", Double.POSITIVE_INFINITY)
			.containsEntry("floor", List.of(Double.NEGATIVE_INFINITY));
	}

	@Test
	void requestThatIsNotUtf8IsInvalidJson() throws Exception {
		try (SocketChannel raw = connect()) {
			raw.write(ByteBuffer.wrap(new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}', '\n' }));
			Map<String, Object> answer = AppControlJson.readObject(readAll(raw));
			assertThat(ServiceResponse.fromMap(answer).error().failureKind()).isEqualTo("invalid_json");
		}
	}

	@Test
	void clientThatSendsNothingIsDisconnectedWithoutAnAnswer() throws Exception {
		try (SocketChannel raw = connect()) {
			assertThat(readAll(raw)).isEmpty();
		}
	}

	@Test
	void javaClientRunsSubmitsPollsAndStreams() {
		ToolObservation observation = this.client
			.runCommand(new ToolCommand("cmd_java", "macos.computer_use", "open_app", Map.of("app", "Notes"), null));
		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		ServiceResponse submitted = this.client.submit(new ToolCommand("cmd_sub", "t", "open_app"), "req_java_1");
		assertThat(this.client.poll("req_java_1")).isEqualTo(submitted);
		assertThat(this.client.poll("req_java_missing").status()).isEqualTo(ServiceResponseStatus.NOT_FOUND);
		List<ToolEvent> observed = new ArrayList<>();
		ToolObservation streamed = this.client.runCommand(new ToolCommand("cmd_obs", "t", "open_app"), observed::add);
		assertThat(observed).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.PROGRESS, ToolEventType.OBSERVATION);
		assertThat(ToolEvents.finalObservation(observed)).isEqualTo(streamed);
	}

	@Test
	void javaClientSeesRefusalsAsTransportFailures() {
		UnixSocketAppControlClient intruder = new UnixSocketAppControlClient(SOCKET, "wrong", Duration.ofSeconds(5),
				ProtocolSchemas.shared());
		int before = this.tool.runs.get();
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> intruder.runCommand(new ToolCommand("c", "t", "open_app")))
			.withMessageContaining("invalid_request: invalid local service token")
			.satisfies((ex) -> assertThat(ex.getError().failureKind()).isEqualTo("invalid_request"));
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> intruder.runStream(new ToolCommand("c", "t", "open_app")).blockLast())
			.withMessageContaining("invalid local service token");
		assertThat(this.tool.runs.get()).isEqualTo(before);
	}

	@Test
	void socketFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SOCKET))).isEqualTo("rw-------");
	}

	private static SocketChannel connect() throws IOException {
		SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		channel.connect(UnixDomainSocketAddress.of(SOCKET));
		return channel;
	}

	private static String readAll(SocketChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		while (channel.read(buffer) >= 0) {
			if (!buffer.hasRemaining()) {
				throw new IllegalStateException("answer too long");
			}
		}
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
	}

}
