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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.StreamingAppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.agentprotocols.appcontrol.service.ServiceHttp.failedEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The local service host over real HTTP, driven by {@link HttpAppControlClient} (with the
 * HTTP client it builds itself) and by hand-written requests for the malformed cases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"app-control.service.max-request-size=4KB", "app-control.service.command-timeout=5s" })
class AppControlServiceHostIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	@Autowired
	AppControlServiceHost host;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpAppControlClient client;

	private URI endpoint;

	@BeforeEach
	void client() {
		this.endpoint = URI.create("http://127.0.0.1:" + this.port + "/app-control/service");
		this.client = HttpAppControlClient.builder(this.endpoint)
			.token("local-service-token")
			.timeout(Duration.ofSeconds(20))
			.build();
	}

	private static ToolCommand command(String operation, Map<String, ?> input, Integer timeoutMs) {
		return new ToolCommand("cmd_" + operation, "macos.computer_use", operation, input, timeoutMs);
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void runReturnsTheObservation() {
		ToolObservation observation = this.client.runCommand(command("open_app", Map.of("app", "TextEdit"), null));
		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		assertThat(observation.summary()).isEqualTo("Done: open_app");
		assertThat(observation.observation()).containsEntry("app", "TextEdit");
	}

	@Test
	void runIsAnsweredWithTheResponsesUtf8JsonAndItsLength() throws Exception {
		HttpResponse<String> raw = post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
				+ "\"token\":\"local-service-token\",\"command\":{\"commandId\":\"cmd_utf8\",\"tool\":\"t\","
				+ "\"operation\":\"open_app\",\"input\":{\"app\":\"Éditeur ✓ 😀\"}}}");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(raw.headers().firstValueAsLong("Content-Length"))
			.hasValue(raw.body().getBytes(StandardCharsets.UTF_8).length);
		ServiceResponse response = ServiceResponse
			.fromMap(ProtocolSchemas.shared().validateProtocolJson("service_response", raw.body()));
		assertThat(response.observationModel().observation()).containsEntry("app", "Éditeur ✓ 😀");
	}

	@Test
	void toolFailuresTravelAsObservations() {
		ToolObservation observation = this.client.runCommand(command("deny", Map.of(), null));
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.failureKind()).isEqualTo("app_not_allowed");
		assertThat(observation.evidence()).containsEntry("app", "Messages");
	}

	@Test
	void crashingClientBecomesAFailedObservation() {
		ToolObservation observation = this.client.runCommand(command("crash", Map.of(), null));
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.failureKind()).isEqualTo("execution_failed");
		assertThat(observation.message()).isEqualTo("backend crashed");
	}

	@Test
	void commandTimeoutYieldsATimeoutObservation() {
		ToolObservation observation = this.client.runCommand(command("sleep", Map.of("millis", 3000), 200));
		assertThat(observation.status()).isEqualTo(ToolStatus.TIMEOUT);
		assertThat(observation.retryable()).isTrue();
		assertThat(observation.message()).contains("200 ms");
	}

	@Test
	void clientTimeoutIsATransportFailure() {
		HttpAppControlClient impatient = HttpAppControlClient.builder(this.endpoint)
			.token("local-service-token")
			.timeout(Duration.ofMillis(300))
			.build();
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> impatient.runCommand(command("sleep", Map.of("millis", 2000), null)))
			.withMessageContaining("unreachable");
	}

	@Test
	void submitAnswersWithTheObservationWhichPollingReturnsAgain() {
		ServiceResponse submitted = this.client.submit(command("open_app", Map.of("app", "Maps"), null), "req_poll_1");
		assertThat(submitted.status()).isEqualTo(ServiceResponseStatus.COMPLETE);
		assertThat(submitted.requestId()).isEqualTo("req_poll_1");
		assertThat(submitted.observationModel().summary()).isEqualTo("Done: open_app");
		assertThat(this.client.poll("req_poll_1")).isEqualTo(submitted);
	}

	@Test
	void pollingWhileASubmittedCommandRunsIsAnsweredWithoutAnObservation() throws Exception {
		// the gate stays shut for as long as the test takes, well within the command's
		// own
		// timeout (the host's default is 5 s)
		CompletableFuture<ServiceResponse> submitted = CompletableFuture
			.supplyAsync(() -> this.client.submit(command("gate", Map.of(), 60_000), "req_running"));
		ServiceResponse pending = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.client.poll("req_running"),
					(response) -> response.status() == ServiceResponseStatus.COMPLETE);
		assertThat(pending.observation()).isNull();
		HttpResponse<String> raw = post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\","
				+ "\"requestId\":\"req_running\",\"token\":\"local-service-token\"}");
		assertThat(raw.statusCode()).isEqualTo(202);
		assertThat(submitted).isNotDone();
		this.tool.open("cmd_gate");
		ServiceResponse done = submitted.get(10, TimeUnit.SECONDS);
		assertThat(done.observationModel().summary()).isEqualTo("Done: gate");
		assertThat(this.client.poll("req_running")).isEqualTo(done);
	}

	@Test
	void submitWithoutRequestIdGetsAGeneratedOne() {
		ServiceResponse submitted = this.client.submit(command("open_app", Map.of("app", "Notes"), null), null);
		assertThat(submitted.requestId()).matches("req_[0-9a-f]{32}");
		ServiceResponse done = this.client.poll(submitted.requestId());
		assertThat(done.observationModel().observation()).containsEntry("app", "Notes");
	}

	@Test
	void reusedRequestIdIsAConflict() {
		this.client.submit(command("open_app", Map.of(), null), "req_dup");
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> this.client.submit(command("open_app", Map.of(), null), "req_dup"))
			.withMessageContaining("HTTP 409");
	}

	@Test
	void pollingAnUnknownIdIsNotFound() throws Exception {
		ServiceResponse response = this.client.poll("req_missing");
		assertThat(response.status()).isEqualTo(ServiceResponseStatus.NOT_FOUND);
		assertThat(response.success()).isFalse();
		HttpResponse<String> raw = post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"req_missing\",\"token\":\"local-service-token\"}");
		assertThat(raw.statusCode()).isEqualTo(404);
		assertThat(AppControlJson.readObject(raw.body())).containsEntry("status", "not_found");
	}

	@Test
	void streamDeliversEventsInOrderEndingWithTheObservation() {
		ToolCommand command = command("open_app", Map.of("app", "TextEdit"), null);
		List<ToolEvent> observed = new ArrayList<>();
		List<ToolEvent> events = this.client.runStream(command, observed::add).collectList().block();
		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.PROGRESS, ToolEventType.OBSERVATION);
		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 1L, 2L);
		assertThat(events).allSatisfy((event) -> assertThat(event.commandId()).isEqualTo("cmd_open_app"));
		assertThat(observed).isEqualTo(events);
		assertThat(ToolEvents.finalObservation(events).summary()).isEqualTo("Done: open_app");
	}

	@Test
	@SpecItem("AC-10.34")
	void observerCallbacksOnRunCommandUseTheStream() {
		List<ToolEvent> observed = new ArrayList<>();
		ToolObservation observation = this.client.runCommand(command("open_app", Map.of("app", "Mail"), null),
				observed::add);
		assertThat(observed).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.PROGRESS, ToolEventType.OBSERVATION);
		assertThat(ToolEvents.finalObservation(observed)).isEqualTo(observation);
		ToolObservation despiteThrowingObserver = this.client
			.runCommand(command("open_app", Map.of("app", "Mail"), null), (event) -> {
				throw new IllegalStateException("observer bug");
			});
		assertThat(despiteThrowingObserver).isEqualTo(observation);
	}

	@Test
	void streamRespectsTheCommandTimeout() {
		List<ToolEvent> events = this.client.runStream(command("sleep", Map.of("millis", 3000), 200))
			.collectList()
			.block();
		assertThat(events.get(0).type()).isEqualTo(ToolEventType.STARTED);
		assertThat(events.get(events.size() - 1).status()).isEqualTo(ToolStatus.TIMEOUT);
	}

	@Test
	void failingStreamingClientStillEndsWithAnObservation() {
		StreamingAppControlClient broken = (command) -> Flux.error(new AppControlTransportException("helper gone"));
		List<Map<String, Object>> envelopes;
		try (AppControlServiceHost direct = AppControlServiceHost.builder(broken, "test-service-token")
			.commandTimeout(Duration.ofSeconds(1))
			.resultTtl(Duration.ofMinutes(1))
			.maxStoredResults(10)
			.build()) {
			envelopes = direct.stream(ServiceRequest.stream(command("open_app", Map.of(), null), "test-service-token"))
				.collectList()
				.block();
		}
		assertThat(envelopes).extracting((envelope) -> envelope.get("status"))
			.containsExactly("event", "event", "complete");
		ToolObservation observation = ServiceResponse.fromMap(envelopes.get(2)).observationModel();
		assertThat(observation.status()).isEqualTo(ToolStatus.NOT_READY);
		assertThat(observation.failureKind()).isEqualTo("transport_error");
	}

	@Test
	@SpecItem("AC-10.32")
	void streamIsServerSentEventsWithEnvelopes() throws Exception {
		HttpResponse<String> raw = post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"stream\","
				+ "\"requestId\":\"req_sse\",\"token\":\"local-service-token\",\"command\":{\"commandId\":\"c\","
				+ "\"tool\":\"t\",\"operation\":\"noop\"}}");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(raw.body()).contains("id:req_sse").contains("event:event").contains("event:complete");
		List<String> data = raw.body().lines().filter((line) -> line.startsWith("data:")).toList();
		assertThat(data).hasSize(3);
		ProtocolSchemas.shared().validateProtocolJson("service_event", data.get(0).substring(5));
		ProtocolSchemas.shared().validateProtocolJson("service_response", data.get(2).substring(5));
	}

	/**
	 * The intruder's commands have an id of their own: the tool may still be running the
	 * commands of earlier tests, such as one whose client stopped waiting.
	 */
	@Test
	void badTokenIsRejected() throws Exception {
		HttpAppControlClient intruder = HttpAppControlClient.builder(this.endpoint)
			.token("wrong-token")
			.timeout(Duration.ofSeconds(5))
			.httpClient(this.http)
			.build();
		ToolCommand command = new ToolCommand("cmd_intruder", "macos.computer_use", "open_app", Map.of(), null);
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> intruder.runCommand(command))
			.withMessageContaining("HTTP 401")
			.satisfies((ex) -> assertThat(ex.getError().message()).isEqualTo("invalid local service token"));
		assertThatExceptionOfType(AppControlTransportException.class)
			.isThrownBy(() -> intruder.runStream(command).blockLast())
			.withMessageContaining("HTTP 401");
		failedEnvelope(post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"r\"}"),
				401, "invalid_request");
		assertThat(this.tool.ran).doesNotContain("cmd_intruder");
	}

	@Test
	void tokenIsComparedExactlyAsUpstreamDoes() throws Exception {
		String request = "{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"%s\","
				+ "\"command\":{\"commandId\":\"cmd_padded_token\",\"tool\":\"t\",\"operation\":\"open_app\"}}";
		for (String token : new String[] { " local-service-token ", "local-service-token\\n",
				"\\u00a0local-service-token", "LOCAL-SERVICE-TOKEN" }) {
			Map<String, Object> refused = failedEnvelope(post(request.formatted(token)), 401, "invalid_request");
			assertThat(refused).extractingByKey("error").asString().contains("invalid local service token");
		}
		assertThat(this.tool.ran).doesNotContain("cmd_padded_token");
		assertThat(post(request.formatted("local-service-token")).statusCode()).isEqualTo(200);
	}

	@Test
	void nonFiniteNumbersAreReadAndWrittenAsPythonsJsonModuleDoes() throws Exception {
		HttpResponse<String> response = post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
				+ "\"token\":\"local-service-token\",\"command\":{\"commandId\":\"cmd_nan\",\"tool\":\"t\","
				+ "\"operation\":\"open_app\",\"input\":{\"ratio\":NaN,\"limit\":-Infinity}}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"observation\":{\"ratio\":NaN,\"limit\":-Infinity}");
		failedEnvelope(post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
				+ "\"token\":\"local-service-token\",\"command\":{\"commandId\":\"cmd_inf\",\"tool\":\"t\","
				+ "\"operation\":\"open_app\",\"input\":{\"limit\":+INF}}}"), 400, "invalid_json");
	}

	@Test
	void malformedEnvelopesAreRejectedWith400() throws Exception {
		failedEnvelope(post(""), 400, "empty_request");
		failedEnvelope(post("{\"schema\":"), 400, "invalid_json");
		failedEnvelope(post("[1,2]"), 400, "invalid_request");
		Map<String, Object> missing = failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\"}"),
				400, "invalid_request");
		assertThat(ServiceResponse.fromMap(missing).error().evidence()).containsEntry("pointer", "/command");
		failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"fetch\",\"token\":\"local-service-token\"}"),
				400, "unsupported_action");
		failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"command\":{\"commandId\":\"   \",\"tool\":\"t\",\"operation\":\"o\"}}"),
				400, "invalid_request");
		failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\",\"timeoutMs\":1.5}}"),
				400, "invalid_request");
		failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"token\":\"local-service-token\",\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\"}}"),
				400, "invalid_json");
	}

	@Test
	void malformedEnvelopesSayWhatIsWrong() throws Exception {
		Map<String, Object> duplicate = failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"command\":{\"commandId\":\"c\",\"commandId\":\"d\",\"tool\":\"t\",\"operation\":\"o\"}}"),
				400, "invalid_json");
		assertThat(ServiceResponse.fromMap(duplicate).error().message())
			.startsWith("$.command has a duplicate key \"commandId\"");
		Map<String, Object> trailing = failedEnvelope(
				post("{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"r\"} {}"), 400,
				"invalid_json");
		assertThat(ServiceResponse.fromMap(trailing).error().message())
			.contains("unexpected content after the document");
		Map<String, Object> quoted = failedEnvelope(post("\"{}\""), 400, "invalid_request");
		assertThat(ServiceResponse.fromMap(quoted).error().message()).isEqualTo("request must be a JSON object");
		Map<String, Object> huge = failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\",\"timeoutMs\":1e308}}"),
				400, "invalid_request");
		assertThat(ServiceResponse.fromMap(huge).error().evidence()).containsEntry("pointer", "/command/timeoutMs")
			.containsEntry("keyword", "model");
	}

	@Test
	void bodyThatIsNotUtf8IsInvalidJsonAsOnTheSocket() throws Exception {
		byte[] body = ("{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\",\"requestId\":\"r\","
				+ "\"token\":\"local-service-token\",\"x\":\"\u00e9\"}")
			.getBytes(StandardCharsets.UTF_8);
		body[body.length - 4] = (byte) 0xC3;
		body[body.length - 3] = (byte) 0x28;
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, Object> envelope = failedEnvelope(response, 400, "invalid_json");
		assertThat(ServiceResponse.fromMap(envelope).error().message()).isEqualTo("request is not UTF-8 text");
	}

	@Test
	void oversizedRequestsAreRejectedWith413() throws Exception {
		String big = "x".repeat(8 * 1024);
		failedEnvelope(post(
				"{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\",\"token\":\"local-service-token\","
						+ "\"command\":{\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\",\"input\":{\"text\":\""
						+ big + "\"}}}"),
				413, "request_too_large");
	}

	@Test
	void hostCountsRequests() {
		this.client.runCommand(command("open_app", Map.of(), null));
		assertThat(this.host.statistics()).containsKeys("requests", "running", "stored");
		assertThat((Long) this.host.statistics().get("requests")).isPositive();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DesktopApplication {

		@Bean
		FakeDesktopTool fakeDesktopTool() {
			return new FakeDesktopTool();
		}

	}

}
