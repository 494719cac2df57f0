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

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.QuotedText;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.commons.observation.ObservationStop;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link ServiceRequest} envelopes on an {@link AppControlClient}, independent of
 * the transport (HTTP or a Unix domain socket). Requests are authenticated by their token
 * and validated strictly; the blocking client runs on the host's own bounded elastic
 * threads (named {@value #THREAD_NAME_PREFIX}-N), under the command's {@code timeoutMs}
 * or the host's default deadline. Every envelope the host produces is validated against
 * its schema.
 * <p>
 * Each command is observed ({@code appcontrol.service.command}) as a child of the
 * observation in the Reactor context, or else the current one, and the client runs in its
 * scope; the transports observe each request ({@code appcontrol.service.request}).
 * <p>
 * {@link #close() Closing} the host (Spring does it when the context closes) cancels the
 * submitted commands still running, interrupts the client calls in progress and stops the
 * host's threads.
 * <p>
 * The host is a front over one class per job: {@code CommandRunner} runs the commands
 * (threads, deadlines, failures as observations), {@code StreamEventOrder} orders a
 * stream's events, and {@code ServiceObservations} makes the observations.
 */
public class AppControlServiceHost implements AutoCloseable {

	/** Prefix of the names of the threads commands run on. */
	public static final String THREAD_NAME_PREFIX = "app-control-service";

	/** Deadline of commands without {@code timeoutMs}, unless set: two minutes. */
	public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);

	/** How long submitted results stay available, unless set: ten minutes. */
	public static final Duration DEFAULT_RESULT_TTL = Duration.ofMinutes(10);

	/** Most submitted commands kept at once, unless set. */
	public static final int DEFAULT_MAX_STORED_RESULTS = 1000;

	/**
	 * The fewest characters of the token. Length is all the host can check: 16 random
	 * characters (64 bits as hex digits, about 95 as letters and digits) are beyond
	 * online guessing, which the HTTP transport's wrong-token throttle slows to a few
	 * tries a minute per client.
	 */
	public static final int MIN_TOKEN_LENGTH = 16;

	private final CommandRunner runner;

	private final ServiceObservations observations;

	private final ServiceToken token;

	private final ProtocolSchemas schemas;

	private final SubmittedCommands submitted;

	private final AppControlMetrics metrics;

	private final AtomicLong handled = new AtomicLong();

	private final Disposable.Composite inFlight = Disposables.composite();

	private AppControlServiceHost(Builder builder) {
		this.runner = new CommandRunner(builder.client, builder.commandTimeout, builder.threads);
		this.observations = new ServiceObservations(builder.observationRegistry, builder.requestConvention,
				builder.commandConvention);
		this.token = new ServiceToken(builder.token);
		this.schemas = builder.schemas;
		this.submitted = new SubmittedCommands(builder.resultTtl, builder.maxStoredResults, Clock.systemUTC());
		this.metrics = builder.metrics;
	}

	/**
	 * A builder of a host that runs commands on {@code client}.
	 * @param client the client that runs commands
	 * @param token the shared secret requests must carry, compared exactly; at least
	 * {@value #MIN_TOKEN_LENGTH} characters, random ones
	 * @return the builder
	 * @throws IllegalArgumentException if the token is shorter
	 */
	public static Builder builder(AppControlClient client, String token) {
		return new Builder(client, token);
	}

	/**
	 * Reads, authenticates and validates a request envelope sent as JSON text.
	 * @param body the text
	 * @return the request
	 * @throws ServiceRejection for an empty text ({@code empty_request}), text that is
	 * not one JSON document ({@code invalid_json}), one that is not an object or an
	 * invalid envelope ({@code invalid_request}, 400), or a bad token (401)
	 */
	public ServiceRequest accept(String body) {
		if (body.isEmpty()) {
			throw ServiceRejection.failed(400, "empty_request", "request is empty");
		}
		Map<String, Object> payload;
		try {
			payload = AppControlJson.readObject(body);
		}
		catch (ProtocolValidationException ex) {
			boolean malformed = ProtocolValidationException.SYNTAX.equals(ex.getKeyword())
					|| ProtocolValidationException.DEPTH.equals(ex.getKeyword())
					|| ProtocolValidationException.LIMIT.equals(ex.getKeyword());
			throw ServiceRejection.failed(400, malformed ? "invalid_json" : "invalid_request",
					malformed ? ex.getMessage() : "request must be a JSON object");
		}
		return accept(payload);
	}

	/**
	 * Authenticates and validates a request envelope.
	 * @param payload the envelope as read from the wire
	 * @return the request
	 * @throws ServiceRejection for a bad token (401) or an invalid envelope (400)
	 */
	public ServiceRequest accept(Map<String, ?> payload) {
		this.handled.incrementAndGet();
		if (!this.token.matches(payload.get("token"))) {
			throw ServiceRejection.failed(401, "invalid_request", "invalid local service token");
		}
		try {
			this.schemas.validateProtocolPayload("service_request", payload);
			return ServiceRequest.fromMap(payload);
		}
		catch (ProtocolValidationException ex) {
			boolean badAction = "/action".equals(ex.getPointer()) && "enum".equals(ex.getKeyword());
			// the pointer names the request's keys: escaped, as the message quotes them
			ToolError error = new ToolError(badAction ? "unsupported_action" : "invalid_request",
					QuotedText.escaped(ex.getMessage()), false, null, "validation", null,
					Map.of("pointer", QuotedText.escaped(ex.getPointer()), "keyword", ex.getKeyword()));
			throw new ServiceRejection(400, ServiceResponse.failed(error, null));
		}
	}

	/**
	 * Runs a command and answers with its observation.
	 * @param request a {@code run} request
	 * @return the {@code complete} response
	 */
	public Mono<ServiceResponse> run(ServiceRequest request) {
		String requestId = requestId(request);
		return execute(ServiceAction.RUN, command(request), requestId)
			.map((observation) -> checked(ServiceResponse.complete(observation, requestId)));
	}

	/**
	 * Runs a command, stores its observation under the request id for {@link #poll} and
	 * answers with it, as the upstream service does. The command runs to its end even if
	 * the caller stops waiting; while it runs, {@code poll} answers {@code complete}
	 * without an observation.
	 * @param request a {@code submit} request
	 * @return the {@code complete} response with the request id and the observation
	 * @throws ServiceRejection if the request id is in use (409) or the host is full
	 * (429)
	 */
	public Mono<ServiceResponse> submit(ServiceRequest request) {
		String requestId = requestId(request);
		ToolCommand command = command(request);
		if (!this.submitted.reserve(requestId, command)) {
			throw ServiceRejection.failed(409, "invalid_request",
					"request id already in use: " + QuotedText.of(requestId));
		}
		Sinks.One<ToolObservation> result = Sinks.one();
		Disposable.Swap task = Disposables.swap();
		this.inFlight.add(task);
		Mono<ToolObservation> execution = execute(ServiceAction.SUBMIT, command, requestId);
		// runs on after the caller's thread has moved on: a child of what is current now
		Observation parent = this.observations.current();
		task.update(((parent != null) ? ReactiveObservations.asParent(parent, execution) : execution)
			.doFinally((signal) -> this.inFlight.remove(task))
			.doOnCancel(() -> result.tryEmitValue(
					CommandRunner.failure(command, new IllegalStateException("the app-control service host closed"))))
			.subscribe((observation) -> {
				this.submitted.complete(requestId, observation);
				result.tryEmitValue(observation);
			}));
		return result.asMono().map((observation) -> checked(ServiceResponse.complete(observation, requestId)));
	}

	/**
	 * The state of a submitted command.
	 * @param request a {@code poll} request
	 * @return {@code complete} with the observation once finished, {@code complete}
	 * without one while running
	 * @throws ServiceRejection with a {@code not_found} response (404) for an unknown or
	 * expired id
	 */
	public ServiceResponse poll(ServiceRequest request) {
		String requestId = requestId(request);
		SubmittedCommands.Submission submission = this.submitted.find(requestId);
		if (submission == null) {
			throw new ServiceRejection(404, ServiceResponse.notFound(requestId,
					new ToolError("not_found", "unknown request id: " + QuotedText.of(requestId))));
		}
		return checked(ServiceResponse.complete(submission.observation, requestId));
	}

	/**
	 * Whether a polled command is still running.
	 * @param response a response from {@link #poll}
	 * @return true if it carries no observation yet
	 */
	public static boolean isPending(ServiceResponse response) {
		return response.observation() == null;
	}

	/**
	 * Runs a command and streams its events as {@code service.event.v1} envelopes,
	 * followed by one {@code service.response.v1} envelope with the final observation.
	 * @param request a {@code stream} request
	 * @return the wire envelopes, in order
	 */
	public Flux<Map<String, Object>> stream(ServiceRequest request) {
		String requestId = requestId(request);
		ToolCommand command = command(request);
		return Flux.deferContextual((reactor) -> {
			ServiceCommandObservationContext context = new ServiceCommandObservationContext(ServiceAction.STREAM,
					command, requestId);
			Observation span = this.observations.startCommand(context, reactor);
			ObservationStop stop = new ObservationStop(span);
			Flux<ToolEvent> events = this.runner.stream(command, span);
			long start = System.nanoTime();
			return events.concatMap((event) -> {
				ToolObservation observation = ToolEvents.observationOf(event);
				Map<String, Object> envelope = new ServiceEventEnvelope(requestId, event).toMap();
				this.schemas.validateProtocolPayload("service_event", envelope);
				if (observation == null) {
					return Flux.just(envelope);
				}
				context.setResult(observation);
				completed(ServiceAction.STREAM, observation, start);
				// before the transport sends the last envelopes and ends the request
				stop.stop();
				return Flux.just(envelope, checked(ServiceResponse.complete(observation, requestId)).toMap());
			}).doFinally((signal) -> stop.stop());
		});
	}

	/**
	 * The submitted commands the host keeps: those running, and those finished whose
	 * result is kept for a {@code poll} until its time-to-live ends.
	 * @return each command, in no particular order
	 */
	public List<SubmittedCommand> submittedCommands() {
		return this.submitted.list();
	}

	/**
	 * Counters for health reporting.
	 * @return requests handled, submitted commands running and stored
	 */
	public Map<String, Object> statistics() {
		return Map.of("requests", this.handled.get(), "running", this.submitted.running(), "stored",
				this.submitted.size());
	}

	/**
	 * Cancels the submitted commands still running and stops the host's threads,
	 * interrupting the client calls in progress. Requests that arrive afterwards end with
	 * a failed observation.
	 */
	@Override
	public void close() {
		this.inFlight.dispose();
		this.runner.close();
	}

	/**
	 * Records that a transport answered a request with a refusal.
	 * @param transport {@code http} or {@code unix_socket}
	 * @param rejection the refusal
	 */
	void rejected(String transport, ServiceRejection rejection) {
		ServiceResponse response = rejection.getResponse();
		this.metrics.requestRejected(transport,
				(response.error() != null) ? response.error().failureKind() : response.status().wireValue());
	}

	/**
	 * The observation of a request arriving on a transport, not started.
	 * @param context the request's context
	 * @param parent the observation the request arrived in (such as WebFlux's server
	 * observation), or null or a no-op one for the current one
	 * @return the observation
	 */
	Observation requestObservation(ServiceRequestObservationContext context, @Nullable Observation parent) {
		return this.observations.request(context, parent);
	}

	private Mono<ToolObservation> execute(ServiceAction action, ToolCommand command, String requestId) {
		return Mono.deferContextual((reactor) -> {
			long start = System.nanoTime();
			ServiceCommandObservationContext context = new ServiceCommandObservationContext(action, command, requestId);
			Observation span = this.observations.startCommand(context, reactor);
			ObservationStop stop = new ObservationStop(span);
			return this.runner.run(command, span).doOnNext((observation) -> {
				context.setResult(observation);
				completed(action, observation, start);
				// before the caller sees the result; once, as a cancel may follow
				stop.stop();
			}).doOnCancel(stop::stop);
		});
	}

	private void completed(ServiceAction action, ToolObservation observation, long start) {
		this.metrics.commandCompleted(action, observation, Duration.ofNanos(System.nanoTime() - start));
	}

	private ServiceResponse checked(ServiceResponse response) {
		this.schemas.validateProtocolPayload("service_response", response.toMap());
		return response;
	}

	private static ToolCommand command(ServiceRequest request) {
		ToolCommand command = request.command();
		if (command == null) {
			throw ServiceRejection.failed(400, "invalid_request",
					request.action() + " service requests require command");
		}
		return command;
	}

	private static String requestId(ServiceRequest request) {
		return (request.requestId() != null) ? request.requestId()
				: "req_" + HexFormat.of().formatHex(uuidBytes(UUID.randomUUID()));
	}

	private static byte[] uuidBytes(UUID uuid) {
		return ByteBuffer.allocate(16)
			.putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits())
			.array();
	}

	/**
	 * Builds an {@link AppControlServiceHost}. Unless set, the host validates with
	 * {@link ProtocolSchemas#shared()}, gives commands without {@code timeoutMs} two
	 * minutes, and keeps at most 1000 submitted results for ten minutes.
	 */
	public static final class Builder {

		private final AppControlClient client;

		private final String token;

		private ProtocolSchemas schemas = ProtocolSchemas.shared();

		private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

		private Duration resultTtl = DEFAULT_RESULT_TTL;

		private int maxStoredResults = DEFAULT_MAX_STORED_RESULTS;

		private AppControlMetrics metrics = AppControlMetrics.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ServiceRequestObservationConvention requestConvention;

		private @Nullable ServiceCommandObservationConvention commandConvention;

		private @Nullable ThreadFactory threads;

		private Builder(AppControlClient client, String token) {
			int length = token.codePointCount(0, token.length());
			if (length < MIN_TOKEN_LENGTH) {
				throw new IllegalArgumentException("The service token has " + length
						+ " characters; it must have at least " + MIN_TOKEN_LENGTH + ", random ones");
			}
			this.client = client;
			this.token = token;
		}

		/**
		 * The threads commands run on, which block on the client: daemon platform threads
		 * of the host's own, named {@value #THREAD_NAME_PREFIX}, unless set. At most
		 * {@link Schedulers#DEFAULT_BOUNDED_ELASTIC_SIZE} run at once either way.
		 * @param threads the factory of the threads, for instance of virtual threads
		 * @return this builder
		 */
		public Builder threads(ThreadFactory threads) {
			this.threads = threads;
			return this;
		}

		/**
		 * The validator of every envelope the host reads and writes.
		 * @param schemas the validator
		 * @return this builder
		 */
		public Builder schemas(ProtocolSchemas schemas) {
			this.schemas = schemas;
			return this;
		}

		/**
		 * The deadline of commands without {@code timeoutMs}.
		 * @param commandTimeout the deadline
		 * @return this builder
		 */
		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
			return this;
		}

		/**
		 * How long the results of submitted commands stay available for {@code poll}.
		 * @param resultTtl the time to live
		 * @return this builder
		 */
		public Builder resultTtl(Duration resultTtl) {
			this.resultTtl = resultTtl;
			return this;
		}

		/**
		 * The most submitted commands kept at once; older finished ones are dropped
		 * first.
		 * @param maxStoredResults the capacity
		 * @return this builder
		 */
		public Builder maxStoredResults(int maxStoredResults) {
			this.maxStoredResults = maxStoredResults;
			return this;
		}

		/**
		 * Where the host records the commands it runs and the requests its transports
		 * refuse.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(AppControlMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Where the host and its transports observe requests and commands.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention of the {@code appcontrol.service.request} observations.
		 * @param convention the convention, or null for the default
		 * @return this builder
		 */
		public Builder requestObservationConvention(@Nullable ServiceRequestObservationConvention convention) {
			this.requestConvention = convention;
			return this;
		}

		/**
		 * The convention of the {@code appcontrol.service.command} observations.
		 * @param convention the convention, or null for the default
		 * @return this builder
		 */
		public Builder commandObservationConvention(@Nullable ServiceCommandObservationConvention convention) {
			this.commandConvention = convention;
			return this;
		}

		/**
		 * The host.
		 * @return a new host, with threads of its own until it is closed
		 */
		public AppControlServiceHost build() {
			return new AppControlServiceHost(this);
		}

	}

}
