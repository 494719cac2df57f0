package io.github.agentprotocols.lime.sse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.sse.FrameOutcome.Deliver;
import io.github.agentprotocols.lime.sse.FrameOutcome.Skip;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import reactor.util.retry.Retry.RetrySignal;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Holds the site's connection to the LIME event stream ({@code GET
 * /modules/agent-login/events}, spec §4) open and delivers login approvals and expiries
 * to the {@link LimeLoginHandler}s.
 * <p>
 * The stream is decoded by WebClient's Server-Sent-Events reader behind a guard that lets
 * only whole, UTF-8, size-capped frames through; a bad frame is logged and skipped, never
 * ending the connection. Events reach the handlers off the reader thread, on a bounded
 * scheduler, in order per request id, each handler within a timeout, and once per request
 * id and type within a window of recent events; keepalives and {@code error} frames never
 * do. When the stream fails or ends, the dispatcher reconnects after an exponential
 * backoff with full jitter, reset once a connection succeeds, sending
 * {@code Last-Event-ID} when the server gave ids. A 401 or 403 puts it in
 * {@link Status#AUTH_REJECTED}; after the configured number of rejections it stops
 * retrying until restarted. The connection's {@link #getState() state} is visible to
 * health checks and listeners.
 * <p>
 * After each connection it reconciles the login requests still pending (when given a
 * {@link PendingLoginRequests} store and a status lookup): those that expired meanwhile
 * are delivered as expiries, since their {@code expired} event may have been missed while
 * disconnected (spec §4.7). When instances share the stream through a
 * {@link LimeEventLog}, the dispatcher resumes from the last event id the log recorded,
 * claims each event in the log before delivering it, and records each id once its event
 * is claimed, in stream order; an event another instance claimed is not delivered.
 * <p>
 * Nothing runs until {@link #start()}; handlers are fixed at build time, so no event can
 * arrive before they are registered. {@link #stop()} returns promptly, even during a
 * reconnect wait, dropping events not yet delivered and interrupting running handlers.
 */
public final class LimeEventDispatcher {

	/** The events path, relative to the API base. */
	public static final String EVENTS_PATH = "/modules/agent-login/events";

	/** The default API base. */
	public static final String DEFAULT_API_BASE = "https://lime.pics/api/v1";

	private static final String SITE_TOKEN_HEADER = "X-Site-Token";

	private static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

	private static final int LOGGED_BODY_CHARS = 200;

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT_TYPE = new ParameterizedTypeReference<>() {
	};

	private static final Log logger = LogFactory.getLog(LimeEventDispatcher.class);

	private final WebClient webClient;

	private final URI eventsUri;

	private final String siteToken;

	private final List<LimeLoginHandler> handlers;

	private final List<Consumer<LimeConnectionState>> stateListeners;

	private final Clock clock;

	private final Duration readTimeout;

	private final Duration handlerTimeout;

	private final Scheduler handlerScheduler;

	private final ReconnectBackoff backoff;

	private final int authRejectionLimit;

	private final SseFrameGuard frameGuard;

	private final LimeFrameReader frameReader = new LimeFrameReader();

	private final RecentEvents recentEvents;

	private final @Nullable LimeEventLog eventLog;

	private final PendingLoginRequests pendingRequests;

	private final @Nullable Reconciliation reconciliation;

	private final Object lifecycleMonitor = new Object();

	private volatile LimeConnectionState state;

	private volatile @Nullable String lastEventId;

	private volatile @Nullable Instant lastEventTime;

	private volatile @Nullable Duration retryHint;

	private @Nullable Run run;

	private LimeEventDispatcher(Builder builder) {
		this.clock = builder.clock;
		this.siteToken = builder.siteToken;
		this.eventsUri = URI.create(builder.apiBase + EVENTS_PATH);
		this.handlers = List.copyOf(builder.handlers);
		this.stateListeners = List.copyOf(builder.stateListeners);
		this.readTimeout = builder.readTimeout;
		this.handlerTimeout = builder.handlerTimeout;
		this.handlerScheduler = builder.handlerScheduler;
		this.backoff = new ReconnectBackoff(builder.backoffBase, builder.maxBackoff, new Random());
		this.authRejectionLimit = builder.authRejectionLimit;
		int maxFrameBytes = (int) builder.maxFrameSize.toBytes();
		this.frameGuard = new SseFrameGuard(maxFrameBytes);
		this.webClient = builder.webClient.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxFrameBytes))
			.build();
		this.recentEvents = new RecentEvents(builder.recentEvents);
		this.lastEventId = builder.lastEventId;
		this.eventLog = builder.eventLog;
		this.pendingRequests = builder.pendingRequests;
		this.reconciliation = (builder.statusLookup != null)
				? new Reconciliation(builder.pendingRequests, builder.statusLookup, this.clock) : null;
		this.state = new LimeConnectionState(Status.STOPPED, 0, this.clock.instant(), null);
	}

	/**
	 * Creates a builder.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Opens the event stream, unless already started. Returns at once; connecting and
	 * reconnecting happen in the background.
	 */
	public void start() {
		Run started;
		synchronized (this.lifecycleMonitor) {
			if (this.run != null) {
				return;
			}
			started = new Run();
			this.run = started;
		}
		started.begin();
	}

	/**
	 * Closes the event stream, unless already stopped, and returns promptly: a connection
	 * or reconnect wait in progress is cancelled, events not yet delivered are dropped
	 * and running handlers are interrupted. The dispatcher may be started again.
	 */
	public void stop() {
		Run stopped;
		synchronized (this.lifecycleMonitor) {
			stopped = this.run;
			this.run = null;
		}
		if (stopped != null) {
			stopped.end();
			changeState(null, Status.STOPPED, 0, null);
		}
	}

	/**
	 * Whether the dispatcher is started: from {@link #start()} to {@link #stop()}, also
	 * after it gave up on rejected authentication.
	 * @return whether it is started
	 */
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.run != null;
		}
	}

	/**
	 * The state of the connection.
	 * @return the current state
	 */
	public LimeConnectionState getState() {
		return this.state;
	}

	/**
	 * The id of the last event the server identified, sent as {@code Last-Event-ID} on
	 * the next connection.
	 * @return the last event id, or {@code null} when the server gave none
	 */
	public @Nullable String getLastEventId() {
		return this.lastEventId;
	}

	/**
	 * When the last event, keepalives included, was read from the stream.
	 * @return the time of the last event, or {@code null} before the first
	 */
	public @Nullable Instant getLastEventTime() {
		return this.lastEventTime;
	}

	private void changeState(@Nullable Run from, Status status, int attempt, @Nullable Throwable failure) {
		LimeConnectionState changed = new LimeConnectionState(status, attempt, this.clock.instant(), failure);
		synchronized (this.lifecycleMonitor) {
			if (from != null && from != this.run) {
				return;
			}
			this.state = changed;
		}
		for (Consumer<LimeConnectionState> listener : this.stateListeners) {
			try {
				listener.accept(changed);
			}
			catch (RuntimeException ex) {
				logger.warn("LIME connection state listener " + listener + " failed", ex);
			}
		}
	}

	/**
	 * One run of the dispatcher, from {@link #start()} to {@link #stop()}: its connection
	 * loop, its deliveries and its failure counts.
	 */
	private final class Run {

		private final OrderedDelivery delivery = new OrderedDelivery(LimeEventDispatcher.this.handlers,
				LimeEventDispatcher.this.handlerScheduler, LimeEventDispatcher.this.handlerTimeout);

		private final WebClient client = LimeEventDispatcher.this.webClient.mutate().filter(this::exchange).build();

		private volatile int failuresInARow;

		private volatile int authRejections;

		private final Disposable.Swap subscription = Disposables.swap();

		/**
		 * The reconciliation after the latest connection; a new connection's replaces it.
		 */
		private final Disposable.Swap reconciling = Disposables.swap();

		void begin() {
			changeState(this, Status.CONNECTING, 0, null);
			this.subscription.update(Mono.defer(this::connect)
				.retryWhen(Retry.from((signals) -> signals.concatMap(this::afterFailure)))
				.subscribe(null, (ex) -> logger.error("Gave up connecting to the LIME event stream: the site token "
						+ "was rejected; restart the dispatcher once it is fixed")));
		}

		void end() {
			this.subscription.dispose();
			this.reconciling.dispose();
			this.delivery.dispose();
		}

		private Mono<Void> connect() {
			return resumePosition().then(Mono.defer(this::open));
		}

		/**
		 * Take the last event id from the shared log, where another instance may have
		 * read further than this one.
		 */
		private Mono<Void> resumePosition() {
			LimeEventLog log = LimeEventDispatcher.this.eventLog;
			if (log == null) {
				return Mono.empty();
			}
			return log.lastEventId()
				.doOnNext((id) -> LimeEventDispatcher.this.lastEventId = id)
				.then()
				.onErrorResume((ex) -> {
					logger.warn("Could not read the last event id of the LIME event stream from the shared event log;"
							+ " resuming from this instance's own (" + LimeEventDispatcher.this.lastEventId + ")", ex);
					return Mono.empty();
				});
		}

		private Mono<Void> open() {
			return this.client.get()
				.uri(LimeEventDispatcher.this.eventsUri)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.header(SITE_TOKEN_HEADER, LimeEventDispatcher.this.siteToken)
				.headers((headers) -> {
					String id = LimeEventDispatcher.this.lastEventId;
					if (id != null) {
						headers.set(LAST_EVENT_ID_HEADER, id);
					}
				})
				.retrieve()
				.onStatus((status) -> !status.is2xxSuccessful(), ClientResponse::createException)
				.bodyToFlux(EVENT_TYPE)
				.concatMap(this::accept)
				.then(Mono.error(StreamEndedException::new));
		}

		private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next) {
			return next.exchange(request).timeout(LimeEventDispatcher.this.readTimeout).map(this::guard);
		}

		private ClientResponse guard(ClientResponse response) {
			if (!response.statusCode().is2xxSuccessful()) {
				return response;
			}
			this.failuresInARow = 0;
			this.authRejections = 0;
			changeState(this, Status.CONNECTED, 0, null);
			logger.debug("Connected to the LIME event stream");
			reconcile();
			Duration readTimeout = LimeEventDispatcher.this.readTimeout;
			return response.mutate()
				.body((body) -> LimeEventDispatcher.this.frameGuard.frame(body.timeout(readTimeout))
					.onErrorMap(BrokenStreamException::new))
				.build();
		}

		/**
		 * Deliver the events of a frame, then take its id as the last event id.
		 */
		private Mono<Void> accept(ServerSentEvent<String> sse) {
			LimeEventDispatcher.this.lastEventTime = LimeEventDispatcher.this.clock.instant();
			if (sse.retry() != null) {
				LimeEventDispatcher.this.retryHint = sse.retry();
			}
			String id = sse.id();
			String data = sse.data();
			List<Mono<Void>> deliveries = new ArrayList<>(1);
			if (data != null) {
				for (FrameOutcome outcome : LimeEventDispatcher.this.frameReader.read(data, id)) {
					if (outcome instanceof Deliver deliver) {
						deliveries.add(deliver(deliver.event()));
					}
					else if (outcome instanceof Skip skip) {
						log(skip);
					}
				}
			}
			Mono<Void> delivered = (deliveries.size() == 1) ? deliveries.get(0) : Flux.concat(deliveries).then();
			return (id != null) ? delivered.then(advance(id)) : delivered;
		}

		private Mono<Void> advance(String id) {
			LimeEventLog log = LimeEventDispatcher.this.eventLog;
			Mono<Void> recorded = (log != null && !id.isEmpty()) ? log.advance(id) : Mono.empty();
			return recorded
				.then(Mono.fromRunnable(() -> LimeEventDispatcher.this.lastEventId = (id.isEmpty()) ? null : id));
		}

		/**
		 * Hand an event to the handlers unless it was delivered recently or, with a
		 * shared log, claimed by another instance; then forget its request as pending.
		 */
		private Mono<Void> deliver(LimeEvent event) {
			return Mono.defer(() -> {
				RecentEvents recent = LimeEventDispatcher.this.recentEvents;
				if (!recent.add(event)) {
					if (logger.isDebugEnabled()) {
						logger
							.debug("Skipped a repeated '" + event.type() + "' event for request " + event.requestId());
					}
					return Mono.empty();
				}
				LimeEventLog log = LimeEventDispatcher.this.eventLog;
				Mono<Boolean> claimed = (log != null) ? log.claim(event).doOnError((ex) -> recent.forget(event))
						: Mono.just(true);
				return claimed.doOnNext((claim) -> {
					if (claim) {
						this.delivery.submit(event);
					}
					else if (logger.isDebugEnabled()) {
						logger.debug("Skipped a '" + event.type() + "' event for request " + event.requestId()
								+ " that another instance took on");
					}
				}).then(forgetPending(event.requestId()));
			});
		}

		private Mono<Void> forgetPending(String requestId) {
			return LimeEventDispatcher.this.pendingRequests.remove(requestId).onErrorResume((ex) -> {
				logger.debug("Could not forget pending LIME login request " + requestId, ex);
				return Mono.empty();
			});
		}

		/**
		 * Deliver the expiries of the pending requests found over, unless an approval of
		 * theirs was delivered meanwhile.
		 */
		private void reconcile() {
			Reconciliation reconciliation = LimeEventDispatcher.this.reconciliation;
			if (reconciliation == null) {
				return;
			}
			this.reconciling.update(reconciliation.expiries()
				.filter((expiry) -> !LimeEventDispatcher.this.recentEvents.contains(LimeEvent.Type.APPROVED,
						expiry.requestId()))
				.concatMap((expiry) -> {
					logger.info("LIME login request " + expiry.requestId()
							+ " expired without its event reaching this site; delivering its expiry");
					return deliver(expiry);
				})
				.subscribe(null, (ex) -> logger.warn("Reconciling the pending LIME login requests failed", ex)));
		}

		private void log(Skip skip) {
			switch (skip.severity()) {
				case ERROR -> logger.error("LIME event stream: " + skip.reason());
				case WARN -> logger.warn("LIME event stream: " + skip.reason());
				case DEBUG -> logger.debug("LIME event stream: " + skip.reason());
				case TRACE -> logger.trace("LIME event stream: " + skip.reason());
			}
		}

		private Mono<Long> afterFailure(RetrySignal signal) {
			Throwable failure = causeOf(signal.failure());
			int failures = ++this.failuresInARow;
			if (failure instanceof WebClientResponseException response && isAuthRejection(response)) {
				int rejections = ++this.authRejections;
				changeState(this, Status.AUTH_REJECTED, rejections, failure);
				logger.error("LIME rejected the site token on the event stream (HTTP "
						+ response.getStatusCode().value() + ", rejection " + rejections + " of "
						+ LimeEventDispatcher.this.authRejectionLimit + "): " + excerpt(response));
				if (rejections >= LimeEventDispatcher.this.authRejectionLimit) {
					return Mono.error(failure);
				}
			}
			else {
				changeState(this, Status.RECONNECTING, failures, failure);
				logFailure(failure);
			}
			return Mono.delay(LimeEventDispatcher.this.backoff.delay(failures, LimeEventDispatcher.this.retryHint));
		}

		private Throwable causeOf(Throwable failure) {
			return (failure instanceof BrokenStreamException && failure.getCause() != null) ? failure.getCause()
					: failure;
		}

		private boolean isAuthRejection(WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return status == 401 || status == 403;
		}

		private void logFailure(Throwable failure) {
			if (failure instanceof StreamEndedException) {
				logger.debug("The LIME event stream ended; reconnecting");
			}
			else if (failure instanceof WebClientResponseException response) {
				logger.warn("The LIME event stream answered HTTP " + response.getStatusCode().value() + ": "
						+ excerpt(response) + "; reconnecting");
			}
			else {
				logger.warn("The LIME event stream failed (" + failure + "); reconnecting");
			}
		}

		private String excerpt(WebClientResponseException response) {
			String body = response.getResponseBodyAsString();
			return (body.length() > LOGGED_BODY_CHARS) ? body.substring(0, LOGGED_BODY_CHARS) : body;
		}

	}

	/**
	 * Carries a failure of the stream after its response arrived (a reset, a read
	 * timeout). Being one of WebClient's own exceptions, it spares {@code retrieve()}
	 * wrapping the failure, which would subscribe to the broken body a second time.
	 */
	private static final class BrokenStreamException extends WebClientException {

		BrokenStreamException(Throwable cause) {
			super("The LIME event stream broke", cause);
		}

	}

	/**
	 * Signals the clean end of a connection, which is retried like a failure.
	 */
	private static final class StreamEndedException extends RuntimeException {

		StreamEndedException() {
			super("The LIME event stream ended", null, false, false);
		}

	}

	/**
	 * Builds a {@link LimeEventDispatcher}; only the site token is required.
	 */
	public static final class Builder {

		private @Nullable String siteToken;

		private String apiBase = DEFAULT_API_BASE;

		private WebClient webClient = WebClient.create();

		private final List<LimeLoginHandler> handlers = new ArrayList<>();

		private final List<Consumer<LimeConnectionState>> stateListeners = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private Duration backoffBase = Duration.ofMillis(500);

		private Duration maxBackoff = Duration.ofSeconds(8);

		private Duration readTimeout = Duration.ofSeconds(310);

		private Duration handlerTimeout = Duration.ofSeconds(30);

		private Scheduler handlerScheduler = Schedulers.boundedElastic();

		private int authRejectionLimit = 3;

		private DataSize maxFrameSize = DataSize.ofKilobytes(64);

		private int recentEvents = 10_000;

		private @Nullable String lastEventId;

		private @Nullable LimeEventLog eventLog;

		private PendingLoginRequests pendingRequests = PendingLoginRequests.NONE;

		private @Nullable Function<String, Mono<LoginStatus>> statusLookup;

		private Builder() {
		}

		/**
		 * The site token, sent as {@code X-Site-Token}; trimmed. Required.
		 * @param siteToken the site token
		 * @return this builder
		 */
		public Builder siteToken(String siteToken) {
			this.siteToken = siteToken.trim();
			return this;
		}

		/**
		 * The LIME API base, including {@code /api/v1}; trailing slashes are removed.
		 * Defaults to {@value LimeEventDispatcher#DEFAULT_API_BASE}.
		 * @param apiBase the API base
		 * @return this builder
		 */
		public Builder apiBase(String apiBase) {
			String base = apiBase.trim();
			while (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			this.apiBase = base;
			return this;
		}

		/**
		 * The WebClient to open the stream with, for its connector, connect timeout and
		 * default headers; the dispatcher adds its own filter and codec limit to a copy.
		 * Defaults to {@link WebClient#create()}.
		 * @param webClient the WebClient
		 * @return this builder
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = webClient;
			return this;
		}

		/**
		 * Adds a login handler; handlers run in the order they are added.
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder handler(LimeLoginHandler handler) {
			this.handlers.add(handler);
			return this;
		}

		/**
		 * Adds login handlers, in order.
		 * @param handlers the handlers
		 * @return this builder
		 */
		public Builder handlers(Collection<? extends LimeLoginHandler> handlers) {
			this.handlers.addAll(handlers);
			return this;
		}

		/**
		 * Adds a listener to the connection state, called on every change on the thread
		 * that caused it; it must not block.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder stateListener(Consumer<LimeConnectionState> listener) {
			this.stateListeners.add(listener);
			return this;
		}

		/**
		 * The clock stamping state changes. Defaults to the system UTC clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The upper bound of the first reconnect delay, doubling with each failure in a
		 * row. Defaults to 0.5 s.
		 * @param backoffBase the base delay
		 * @return this builder
		 */
		public Builder backoffBase(Duration backoffBase) {
			this.backoffBase = backoffBase;
			return this;
		}

		/**
		 * The upper bound of every reconnect delay. Defaults to 8 s.
		 * @param maxBackoff the maximum delay
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * The longest silence tolerated on an open stream (and the longest wait for its
		 * response) before reconnecting. Defaults to 310 s, as LIME's proxies expect;
		 * LIME sends keepalives well within it.
		 * @param readTimeout the read timeout
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * How long one handler may run on one event before it is interrupted and the next
		 * one runs. Defaults to 30 s.
		 * @param handlerTimeout the handler timeout
		 * @return this builder
		 */
		public Builder handlerTimeout(Duration handlerTimeout) {
			this.handlerTimeout = handlerTimeout;
			return this;
		}

		/**
		 * The bounded scheduler handlers run on; not disposed by the dispatcher. Defaults
		 * to {@link Schedulers#boundedElastic()}.
		 * @param handlerScheduler the scheduler
		 * @return this builder
		 */
		public Builder handlerScheduler(Scheduler handlerScheduler) {
			this.handlerScheduler = handlerScheduler;
			return this;
		}

		/**
		 * How many 401 or 403 answers, since the last connection that succeeded, the
		 * dispatcher takes before it stops retrying. Defaults to 3.
		 * @param authRejectionLimit the limit, at least 1
		 * @return this builder
		 */
		public Builder authRejectionLimit(int authRejectionLimit) {
			this.authRejectionLimit = authRejectionLimit;
			return this;
		}

		/**
		 * The largest frame read; larger frames are skipped. Defaults to 64 KB.
		 * @param maxFrameSize the frame size limit
		 * @return this builder
		 */
		public Builder maxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		/**
		 * How many recent events are remembered to deliver each once. Defaults to 10,000.
		 * @param recentEvents the size of the window
		 * @return this builder
		 */
		public Builder recentEvents(int recentEvents) {
			this.recentEvents = recentEvents;
			return this;
		}

		/**
		 * The event id to resume from on the first connection, for example one another
		 * instance reached.
		 * @param lastEventId the last event id, or {@code null}
		 * @return this builder
		 */
		public Builder lastEventId(@Nullable String lastEventId) {
			this.lastEventId = lastEventId;
			return this;
		}

		/**
		 * Share the stream with other instances through a log: resume from the last event
		 * id it recorded and deliver only the events claimed in it. By default the
		 * dispatcher reads the stream alone.
		 * @param eventLog the shared event log
		 * @return this builder
		 */
		public Builder eventLog(LimeEventLog eventLog) {
			this.eventLog = eventLog;
			return this;
		}

		/**
		 * Reconcile the pending login requests after each connection: those that expired
		 * meanwhile are delivered as expiries. Requests are forgotten as pending once
		 * their event is delivered. Give the
		 * {@link io.github.agentprotocols.lime.LimeSite} that creates the requests the
		 * same store and pass its
		 * {@link io.github.agentprotocols.lime.LimeSite#getLoginStatus(String)} as the
		 * lookup. Off by default.
		 * @param pendingRequests the store of pending requests
		 * @param statusLookup reads the status of a login request from LIME
		 * @return this builder
		 */
		public Builder reconcile(PendingLoginRequests pendingRequests,
				Function<String, Mono<LoginStatus>> statusLookup) {
			this.pendingRequests = pendingRequests;
			this.statusLookup = statusLookup;
			return this;
		}

		/**
		 * Builds the dispatcher, not started.
		 * @return the dispatcher
		 * @throws IllegalArgumentException if the site token is missing or a setting is
		 * out of range
		 */
		public LimeEventDispatcher build() {
			Assert.hasText(this.siteToken, "A site token is required");
			Assert.isTrue(!this.backoffBase.isNegative(), "The backoff base must not be negative");
			Assert.isTrue(this.maxBackoff.compareTo(this.backoffBase) >= 0,
					"The maximum backoff must not be less than the base");
			Assert.isTrue(!this.readTimeout.isNegative() && !this.readTimeout.isZero(),
					"The read timeout must be positive");
			Assert.isTrue(!this.handlerTimeout.isNegative() && !this.handlerTimeout.isZero(),
					"The handler timeout must be positive");
			Assert.isTrue(this.authRejectionLimit >= 1, "The auth rejection limit must be at least 1");
			Assert.isTrue(this.maxFrameSize.toBytes() > 0 && this.maxFrameSize.toBytes() <= Integer.MAX_VALUE,
					"The maximum frame size must be positive and below 2 GB");
			Assert.isTrue(this.recentEvents >= 1, "The window of recent events must hold at least 1");
			return new LimeEventDispatcher(this);
		}

	}

}
