package io.github.agentprotocols.appcontrol.service;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceCommandObservationConvention;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationContext;
import io.github.agentprotocols.appcontrol.observation.ServiceRequestObservationConvention;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

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

	private static final int THREAD_TIME_TO_LIVE_SECONDS = 60;

	/** The longest deadline a timer can hold: {@code Long.MAX_VALUE} nanoseconds. */
	private static final long MAX_DEADLINE_MILLIS = Long.MAX_VALUE / 1_000_000;

	private static final ServiceRequestObservationConvention DEFAULT_REQUEST_CONVENTION = new DefaultServiceRequestObservationConvention();

	private static final ServiceCommandObservationConvention DEFAULT_COMMAND_CONVENTION = new DefaultServiceCommandObservationConvention();

	private final AppControlClient client;

	private final ServiceToken token;

	private final ProtocolSchemas schemas;

	private final Duration commandTimeout;

	private final SubmittedCommands submitted;

	private final AppControlMetrics metrics;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ServiceRequestObservationConvention requestConvention;

	private final @Nullable ServiceCommandObservationConvention commandConvention;

	private final AtomicLong handled = new AtomicLong();

	private final Scheduler scheduler = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
			Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, THREAD_NAME_PREFIX, THREAD_TIME_TO_LIVE_SECONDS, true);

	private final Disposable.Composite inFlight = Disposables.composite();

	private AppControlServiceHost(Builder builder) {
		this.client = builder.client;
		this.token = new ServiceToken(builder.token);
		this.schemas = builder.schemas;
		this.commandTimeout = builder.commandTimeout;
		this.submitted = new SubmittedCommands(builder.resultTtl, builder.maxStoredResults, Clock.systemUTC());
		this.metrics = builder.metrics;
		this.observationRegistry = builder.observationRegistry;
		this.requestConvention = builder.requestConvention;
		this.commandConvention = builder.commandConvention;
	}

	/**
	 * A builder of a host that runs commands on {@code client}.
	 * @param client the client that runs commands
	 * @param token the shared secret requests must carry, compared exactly
	 * @return the builder
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
			ToolError error = new ToolError(badAction ? "unsupported_action" : "invalid_request", ex.getMessage(),
					false, null, "validation", null, Map.of("pointer", ex.getPointer(), "keyword", ex.getKeyword()));
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
		if (!this.submitted.reserve(requestId)) {
			throw ServiceRejection.failed(409, "invalid_request", "request id already in use: " + requestId);
		}
		Sinks.One<ToolObservation> result = Sinks.one();
		Disposable.Swap task = Disposables.swap();
		this.inFlight.add(task);
		Observation parent = this.observationRegistry.getCurrentObservation();
		task.update(execute(ServiceAction.SUBMIT, command, requestId)
			.contextWrite(
					(context) -> (parent != null) ? context.put(ObservationThreadLocalAccessor.KEY, parent) : context)
			.doFinally((signal) -> this.inFlight.remove(task))
			.doOnCancel(() -> result
				.tryEmitValue(failure(command, new IllegalStateException("the app-control service host closed"))))
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
					new ToolError("not_found", "unknown request id: " + requestId)));
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
		Duration deadline = deadline(command);
		return Flux.deferContextual((reactor) -> {
			ServiceCommandObservationContext context = new ServiceCommandObservationContext(ServiceAction.STREAM,
					command, requestId);
			Observation span = commandObservation(context, reactor).start();
			AtomicBoolean stopped = new AtomicBoolean();
			AtomicLong lastSeq = new AtomicLong(-1);
			AtomicBoolean observed = new AtomicBoolean();
			Flux<ToolEvent> events = scoped(span, ToolEvents.stream(this.client, command)).subscribeOn(this.scheduler)
				.takeUntilOther(Mono.delay(deadline))
				.onErrorResume((ex) -> {
					span.error(ex);
					return (lastSeq.get() < 0)
							? Flux.just(ToolEvents.started(command), ToolEvents.observation(1, failure(command, ex)))
							: Flux.just(ToolEvents.observation(lastSeq.get() + 1, failure(command, ex)));
				})
				.doOnNext((event) -> {
					lastSeq.set(event.seq());
					observed.compareAndSet(false, event.type() == ToolEventType.OBSERVATION);
				});
			Flux<ToolEvent> complete = events.concatWith(Mono.defer(() -> observed.get() ? Mono.empty()
					: Mono.just(ToolEvents.observation(lastSeq.get() + 1, timedOut(command, deadline)))));
			long start = System.nanoTime();
			return complete.concatMap((event) -> {
				ToolObservation observation = ToolEvents.observationOf(event);
				Map<String, Object> envelope = new ServiceEventEnvelope(requestId, event).toMap();
				this.schemas.validateProtocolPayload("service_event", envelope);
				if (observation == null) {
					return Flux.just(envelope);
				}
				context.setResult(observation);
				completed(ServiceAction.STREAM, observation, start);
				// before the transport sends the last envelopes and ends the request
				stopOnce(span, stopped);
				return Flux.just(envelope, checked(ServiceResponse.complete(observation, requestId)).toMap());
			}).doFinally((signal) -> stopOnce(span, stopped));
		});
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
		this.scheduler.dispose();
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
		Observation observation = AppControlObservationDocumentation.SERVICE_REQUEST.observation(this.requestConvention,
				DEFAULT_REQUEST_CONVENTION, () -> context, this.observationRegistry);
		return (parent != null && !parent.isNoop()) ? observation.parentObservation(parent) : observation;
	}

	private Observation commandObservation(ServiceCommandObservationContext context, ContextView reactor) {
		Observation parent = reactor.getOrDefault(ObservationThreadLocalAccessor.KEY,
				this.observationRegistry.getCurrentObservation());
		return AppControlObservationDocumentation.SERVICE_COMMAND
			.observation(this.commandConvention, DEFAULT_COMMAND_CONVENTION, () -> context, this.observationRegistry)
			.parentObservation(parent);
	}

	private Mono<ToolObservation> execute(ServiceAction action, ToolCommand command, String requestId) {
		Duration deadline = deadline(command);
		return Mono.deferContextual((reactor) -> {
			long start = System.nanoTime();
			ServiceCommandObservationContext context = new ServiceCommandObservationContext(action, command, requestId);
			Observation span = commandObservation(context, reactor).start();
			AtomicBoolean stopped = new AtomicBoolean();
			return Mono.fromCallable(() -> {
				try (Observation.Scope scope = span.openScope()) {
					return this.client.runCommand(command);
				}
			})
				.subscribeOn(this.scheduler)
				.timeout(deadline, Mono.fromSupplier(() -> timedOut(command, deadline)))
				.onErrorResume((ex) -> {
					span.error(ex);
					return Mono.just(failure(command, ex));
				})
				.doOnNext((observation) -> {
					context.setResult(observation);
					completed(action, observation, start);
					// before the caller sees the result; once, as a cancel may follow
					stopOnce(span, stopped);
				})
				.doOnCancel(() -> stopOnce(span, stopped));
		});
	}

	private static void stopOnce(Observation observation, AtomicBoolean stopped) {
		if (stopped.compareAndSet(false, true)) {
			observation.stop();
		}
	}

	/**
	 * Subscribes to {@code source} in the scope of {@code observation}, so that a client
	 * running on the subscribing thread sees it as the current observation, and gives it
	 * to a reactive client in the Reactor context.
	 */
	private static <T> Flux<T> scoped(Observation observation, Flux<T> source) {
		Flux<T> observed = source
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		return Flux.from((subscriber) -> {
			try (Observation.Scope scope = observation.openScope()) {
				observed.subscribe(subscriber);
			}
		});
	}

	private void completed(ServiceAction action, ToolObservation observation, long start) {
		this.metrics.commandCompleted(action, observation, Duration.ofNanos(System.nanoTime() - start));
	}

	private Duration deadline(ToolCommand command) {
		return (command.timeoutMs() != null) ? Duration.ofMillis(Math.min(command.timeoutMs(), MAX_DEADLINE_MILLIS))
				: this.commandTimeout;
	}

	private static ToolObservation timedOut(ToolCommand command, Duration deadline) {
		ToolError error = new ToolError("timeout", "command timed out after " + deadline.toMillis() + " ms", true, null,
				"execution", command.operation(), null);
		return ToolObservation.failure(command.commandId(), command.tool(), command.operation(), ToolStatus.TIMEOUT,
				error);
	}

	private static ToolObservation failure(ToolCommand command, Throwable ex) {
		boolean transport = ex instanceof AppControlTransportException;
		String message = (ex.getMessage() != null && !ex.getMessage().isBlank()) ? ex.getMessage()
				: ex.getClass().getSimpleName();
		ToolError error = new ToolError(transport ? "transport_error" : "execution_failed", message, transport, null,
				"execution", command.operation(), null);
		return ToolObservation.failure(command.commandId(), command.tool(), command.operation(),
				transport ? ToolStatus.NOT_READY : ToolStatus.FAILED, error);
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

		private Builder(AppControlClient client, String token) {
			this.client = client;
			this.token = token;
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
