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

package io.github.agentprotocols.samples.showcase;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.web.ReactorNettyExchange;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.MachineNotFoundException;
import io.github.agentprotocols.happy.MachineOfflineException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.SpawnRefusedException;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.samples.happyrunner.MessageLine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Happy page's endpoints ({@code static/happy.html}), on the auto-configured
 * {@link ReactiveHappyClient}: the account's machines and sessions, spawning a session,
 * sending it a prompt, waiting for its turn, stopping it, and its messages as server-sent
 * events, each with the line {@link MessageLine} gives it and its seq as the event id (a
 * reconnecting {@code EventSource} resumes after {@code Last-Event-ID}).
 */
@RestController
@RequestMapping("/happy")
class HappyPageController {

	private static final Duration TURN_TIMEOUT = Duration.ofMinutes(10);

	/** The answers to the failures a caller can act on, the first that applies. */
	private static final List<ErrorAnswer> ERROR_ANSWERS = List.of(
			new ErrorAnswer(SessionNotFoundException.class, HttpStatus.NOT_FOUND, "Session not found"),
			new ErrorAnswer(MachineNotFoundException.class, HttpStatus.NOT_FOUND, "Machine not found"),
			new ErrorAnswer(SpawnRefusedException.class, HttpStatus.BAD_REQUEST, "Spawn refused"),
			new ErrorAnswer(MachineOfflineException.class, HttpStatus.SERVICE_UNAVAILABLE, "Machine offline"),
			new ErrorAnswer(HappyTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT, "Timed out"));

	private static final ErrorAnswer OTHER_ERROR = new ErrorAnswer(HappyException.class, HttpStatus.BAD_GATEWAY,
			"Happy server call failed");

	private final ObjectProvider<ReactiveHappyClient> clients;

	private final ObjectProvider<FakeHappyDaemon> offlineMachine;

	private final JsonMapper json;

	HappyPageController(ObjectProvider<ReactiveHappyClient> clients, ObjectProvider<FakeHappyDaemon> offlineMachine,
			JsonMapper json) {
		this.clients = clients;
		this.offlineMachine = offlineMachine;
		this.json = json;
	}

	/**
	 * The account's active machines. In offline mode the fake machine's daemon
	 * ({@link OfflineHappyInitializer}) connects on the first call, before the listing.
	 * @return the machines
	 */
	@GetMapping("/machines")
	Mono<List<MachineView>> machines() {
		return Mono.fromRunnable(this.offlineMachine::getIfAvailable)
			.subscribeOn(Schedulers.boundedElastic())
			.then(Mono.defer(() -> client().listMachines(true)))
			.map((machines) -> machines.stream().map(MachineView::of).toList());
	}

	@GetMapping("/sessions")
	Mono<List<SessionView>> sessions() {
		return client().listSessions()
			.map((sessions) -> sessions.stream()
				.sorted(Comparator.comparingLong(Session::createdAt).reversed())
				.map(SessionView::of)
				.toList());
	}

	@PostMapping("/sessions")
	Mono<Map<String, String>> spawn(@RequestBody SpawnRequest request) {
		if (isBlank(request.machineId()) || isBlank(request.directory())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "machineId and directory are required");
		}
		return client().spawnSession(request.machineId(), request.directory())
			.map((sessionId) -> Map.of("sessionId", sessionId));
	}

	@PostMapping("/sessions/{sessionId}/messages")
	Mono<Map<String, Long>> send(@PathVariable String sessionId, @RequestBody PromptRequest request) {
		if (request.text() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text is required");
		}
		return client().sendMessage(sessionId, request.text()).map((seq) -> Map.of("seq", seq));
	}

	@GetMapping("/sessions/{sessionId}/turn")
	Mono<Map<String, String>> turn(@PathVariable String sessionId) {
		return client().waitForTurnCompletion(sessionId, TURN_TIMEOUT).thenReturn(Map.of("status", "completed"));
	}

	@PostMapping("/sessions/{sessionId}/stop")
	Mono<Map<String, String>> stop(@PathVariable String sessionId) {
		return client().stopSession(sessionId).thenReturn(Map.of("status", "stopped"));
	}

	/**
	 * The session's messages as events whose data is the message's JSON, written here as
	 * text: Spring wraps text in a heap buffer, whereas it encodes an object into one of
	 * Netty's pooled buffers, and one written as the client leaves is at times never
	 * released (Netty's leak detector reports it). The messages come on the Happy
	 * client's threads and are handed to Spring on the connection's event loop
	 * ({@link ReactorNettyExchange#onEventLoop}).
	 * @param sessionId the session
	 * @param lastEventId the seq to resume after
	 * @param request the request
	 * @return the events
	 */
	@GetMapping(path = "/sessions/{sessionId}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> messages(@PathVariable String sessionId,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId,
			ServerHttpRequest request) {
		return ReactorNettyExchange.onEventLoop(request,
				client().messages(sessionId, (lastEventId != null) ? lastEventId : 0)
					.map((message) -> ServerSentEvent.builder(this.json.writeValueAsString(MessageView.of(message)))
						.id(Long.toString(message.seq()))
						.event("message")
						.build()));
	}

	/**
	 * A failed Happy call in the Happy server's own error shape ({@code error},
	 * {@code message}, {@code statusCode}), naming what failed, not the exception class:
	 * 404 for an unknown session or machine, 400 for a spawn the daemon refuses (a
	 * missing directory, for one), 503 for a machine whose daemon is not connected, 504
	 * for a timeout, 502 for any other failure of the Happy server or daemon.
	 * @param ex the failure
	 * @return the error response
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> failed(HappyException ex) {
		ErrorAnswer answer = ERROR_ANSWERS.stream()
			.filter((candidate) -> candidate.type().isInstance(ex))
			.findFirst()
			.orElse(OTHER_ERROR);
		HttpStatus status = answer.status();
		return ResponseEntity.status(status)
			.body(Map.of("error", answer.error(), "message", String.valueOf(ex.getMessage()), "statusCode",
					status.value()));
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private ReactiveHappyClient client() {
		ReactiveHappyClient client = this.clients.getIfAvailable();
		if (client == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"No Happy client: happy.enabled is false or the credentials are missing");
		}
		return client;
	}

	record SpawnRequest(String machineId, String directory) {
	}

	record ErrorAnswer(Class<? extends HappyException> type, HttpStatus status, String error) {
	}

	record PromptRequest(String text) {
	}

	record MachineView(String id, String host) {

		static MachineView of(Machine machine) {
			return new MachineView(machine.id(), String.valueOf(machine.metadata().getOrDefault("host", "")));
		}

	}

	record SessionView(String id, boolean active, String state, String path, long createdAt) {

		static SessionView of(Session session) {
			Map<String, Object> metadata = session.metadata();
			return new SessionView(session.id(), session.active(),
					String.valueOf(metadata.getOrDefault("lifecycleState", "")),
					String.valueOf(metadata.getOrDefault("path", "")), session.createdAt());
		}

	}

	record MessageView(long seq, String role, String line, long createdAt) {

		static MessageView of(Message message) {
			return new MessageView(message.seq(), message.role(), MessageLine.of(message), message.createdAt());
		}

	}

}
