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

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.PythonScripts;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.unix.LineTooLongException;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HelperAppControlClient} over {@link UnixSocketHelperTransport} against a helper
 * we did not write in Java: a Python standard-library stub ({@code helper_stub.py})
 * answering {@code helper.response.v1} and legacy replies, and misbehaving on request.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class UnixSocketHelperTransportTests {

	private static final String TOKEN = "helper-secret";

	/** Ample for a round trip to the Python helper on a loaded machine. */
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path directory;

	private static Path socket;

	private static Process helper;

	@BeforeAll
	static void startHelper() throws Exception {
		socket = directory.resolve("helper.sock");
		helper = PythonScripts.start("helper_stub.py", socket.toString(), TOKEN);
	}

	@AfterAll
	static void stopHelper() {
		helper.destroy();
	}

	private static HelperAppControlClient client(String token) {
		return client(new UnixSocketHelperTransport(socket, TIMEOUT, 64 * 1024), token);
	}

	private static HelperAppControlClient client(HelperTransport transport, String token) {
		return new HelperAppControlClient(transport, token,
				Map.of("bundleId", "com.example.helper", "apiVersion", HelperRequest.API_VERSION),
				ProtocolSchemas.shared());
	}

	private static ToolCommand command(String operation, Map<String, ?> input) {
		return new ToolCommand("cmd_" + operation, "macos.computer_use", operation, input, null);
	}

	@Test
	void helperResponseCarriesTheObservationAndTheHelperSawTheTokenAndMetadata() {
		ToolObservation observation = client(TOKEN).runCommand(command("ok", Map.of()));
		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		assertThat(observation.commandId()).isEqualTo("cmd_ok");
		assertThat(observation.observation()).containsEntry("request", Map.of("token", TOKEN, "metadata",
				Map.of("bundleId", "com.example.helper", "apiVersion", "app_control.helper.v1")));
	}

	@Test
	@SpecItem("AC-10.33")
	void streamWrapsTheRoundTripInStartedAndObservationEvents() {
		List<ToolEvent> events = client(TOKEN).runStream(command("ok", Map.of())).collectList().block();
		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.OBSERVATION);
		assertThat(ToolEvents.finalObservation(events).summary()).isEqualTo("Done.");
	}

	@Test
	void toolFailureReportedByTheHelperIsAnObservation() {
		ToolObservation observation = client(TOKEN).runCommand(command("tool_failure", Map.of()));
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.failureKind()).isEqualTo("app_not_allowed");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "legacy_wrapped", "legacy_bare" })
	void legacyRepliesAreRead(String operation) {
		ToolObservation observation = client(TOKEN).runCommand(command(operation, Map.of()));
		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		assertThat(observation.summary()).startsWith("Legacy");
	}

	@Test
	void helperErrorIsATransportFailureCarryingTheError() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(TOKEN).runCommand(command("helper_error", Map.of())))
			.withMessage("helper returned an error: Accessibility is off.")
			.satisfies((ex) -> assertThat(ex.getError().failureKind()).isEqualTo("not_ready"));
	}

	@Test
	void wrongTokenIsRefusedByTheHelper() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client("wrong").runCommand(command("ok", Map.of())))
			.satisfies((ex) -> assertThat(ex.getError().failureKind()).isEqualTo("unauthorized"));
	}

	@Test
	void halfWrittenReplyIsATransportFailure() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(TOKEN).runCommand(command("half_line", Map.of())))
			.withMessageContaining("closed the connection in the middle of a line")
			.withCauseInstanceOf(EOFException.class);
	}

	@Test
	void oversizedReplyIsATransportFailure() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(TOKEN).runCommand(command("oversized", Map.of("bytes", 100_000))))
			.withMessageContaining("sent a line longer than 65536 bytes")
			.withCauseInstanceOf(LineTooLongException.class);
	}

	@Test
	void silentHelperIsATimeout() {
		HelperAppControlClient impatient = client(new UnixSocketHelperTransport(socket, Duration.ofSeconds(2)), TOKEN);
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> impatient.runCommand(command("silent", Map.of("seconds", 10))))
			.withMessageContaining("did not answer within 2000 ms")
			.withCauseInstanceOf(SocketTimeoutException.class);
	}

	@Test
	void replyIsAwaitedForTheCommandsOwnTimeoutWhenThatIsLonger() {
		ToolCommand patient = new ToolCommand("cmd_silent", "macos.computer_use", "silent", Map.of("seconds", 1), 5000);
		HelperAppControlClient impatient = client(new UnixSocketHelperTransport(socket, Duration.ofMillis(200)), TOKEN);
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> impatient.runCommand(patient))
			.withMessageContaining("closed the connection without a reply");
	}

	@Test
	void replyThatIsNotJsonIsATransportFailure() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(TOKEN).runCommand(command("not_json", Map.of())))
			.withMessageContaining("sent a reply that is not a JSON object")
			.withCauseInstanceOf(ProtocolValidationException.class);
	}

	@Test
	void helperThatHangsUpIsATransportFailure() {
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(TOKEN).runCommand(command("hang_up", Map.of())))
			.withMessageContaining("closed the connection without a reply");
	}

	@Test
	void missingSocketIsATransportFailure() {
		Path missing = directory.resolve("missing.sock");
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> client(new UnixSocketHelperTransport(missing, TIMEOUT), TOKEN)
				.runCommand(command("ok", Map.of())))
			.withMessage("helper at " + missing + " has no socket: " + missing + " does not exist (is it running?)");
	}

	@Test
	void socketNobodyListensOnRefusesTheConnection() throws Exception {
		Path stale = directory.resolve("stale.sock");
		try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			gone.bind(UnixDomainSocketAddress.of(stale));
		}
		assertThat(Files.exists(stale)).isTrue();
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(
				() -> client(new UnixSocketHelperTransport(stale, TIMEOUT), TOKEN).runCommand(command("ok", Map.of())))
			.withMessageContaining("refused the connection (nothing listens on " + stale + ")")
			.withCauseInstanceOf(ConnectException.class);
	}

}
