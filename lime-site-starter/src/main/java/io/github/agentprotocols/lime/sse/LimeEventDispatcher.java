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

package io.github.agentprotocols.lime.sse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.agentprotocols.lime.EventObservations;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LoginStatus;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.observation.LimeEventObservationConvention;
import io.github.agentprotocols.lime.observation.LimeHandlerObservationConvention;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

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
 * Each event is observed ({@code lime.event.delivery}) from its frame until its handlers
 * ran, and each handler run on it ({@code lime.event.handler}) as its child, current on
 * the handler thread while the handler runs.
 * <p>
 * Nothing runs until {@link #start()}; handlers are fixed at build time, so no event can
 * arrive before they are registered. {@link #stop()} returns promptly, even during a
 * reconnect wait, dropping events not yet delivered and interrupting running handlers.
 * <p>
 * The connection, its reconnects and its state are a {@link LimeStreamConnection}; what
 * happens to its frames (dedupe, claims, ordered delivery, the last event id,
 * reconciliation) is a {@link LimeEventPipeline}, a new one each time it starts.
 */
public final class LimeEventDispatcher {

	/** The events path, relative to the API base. */
	public static final String EVENTS_PATH = "/modules/agent-login/events";

	/** The default API base. */
	public static final String DEFAULT_API_BASE = "https://lime.pics/api/v1";

	private static final Log logger = LogFactory.getLog(LimeEventDispatcher.class);

	private final LimeStreamConnection connection;

	private final List<LimeLoginHandler> handlers;

	private final Scheduler handlerScheduler;

	private final Duration handlerTimeout;

	private final RecentEvents recentEvents;

	private final RecentEvents handledEvents;

	private final AtomicReference<@Nullable String> lastEventId;

	private final @Nullable LimeEventLog eventLog;

	private final @Nullable Duration inFlightRecheck;

	private final PendingLoginRequests pendingRequests;

	private final @Nullable Reconciliation reconciliation;

	private final LimeMetrics metrics;

	private final EventObservations observations;

	private LimeEventDispatcher(Builder builder) {
		this.connection = new LimeStreamConnection(
				new LimeStreamConnection.Settings(builder.webClient, URI.create(builder.apiBase + EVENTS_PATH),
						builder.siteToken, builder.readTimeout,
						new ReconnectBackoff(builder.backoffBase, builder.maxBackoff, new Random()),
						builder.authRejectionLimit, (int) builder.maxFrameSize.toBytes()),
				builder.stateListeners(), builder.clock);
		this.handlers = builder.handlerChain();
		this.handlerScheduler = builder.handlerScheduler;
		this.handlerTimeout = builder.handlerTimeout;
		this.recentEvents = new RecentEvents(builder.recentEvents);
		this.handledEvents = new RecentEvents(builder.recentEvents);
		this.lastEventId = new AtomicReference<>(builder.lastEventId);
		this.eventLog = builder.eventLog;
		this.inFlightRecheck = builder.inFlightRecheck;
		this.pendingRequests = builder.pendingRequests;
		this.reconciliation = (builder.statusLookup != null)
				? new Reconciliation(builder.pendingRequests, builder.statusLookup, builder.clock) : null;
		this.metrics = builder.metrics;
		this.observations = new EventObservations(builder.observationRegistry, builder.eventObservationConvention,
				builder.handlerObservationConvention);
	}

	/**
	 * Creates a builder.
	 * @param siteToken the site token, sent as {@code X-Site-Token}; trimmed
	 * @return a builder
	 */
	public static Builder builder(String siteToken) {
		return new Builder(siteToken);
	}

	/**
	 * Opens the event stream, unless already started. Returns at once; connecting and
	 * reconnecting happen in the background.
	 */
	public void start() {
		this.connection.open(() -> new LimeEventPipeline(
				new OrderedDelivery(this.handlers, this.handlerScheduler, this.handlerTimeout, this.metrics,
						this.observations, this::recordHandled, this.recentEvents::forget),
				this.recentEvents, this.handledEvents, this.lastEventId, this.eventLog, this.pendingRequests,
				this.reconciliation, this.inFlightRecheck, this.observations));
	}

	/**
	 * Records that the handlers ran on an event: here, so that this instance does not
	 * deliver it again while the record in the shared log is on its way, and in the
	 * shared log, so that the next reader does not.
	 */
	private void recordHandled(LimeEvent event) {
		this.handledEvents.add(event);
		LimeEventLog log = this.eventLog;
		if (log != null) {
			LimeEventPipeline.recordHandled(log, event).subscribe();
		}
	}

	/**
	 * Closes the event stream, unless already stopped, and returns promptly: a connection
	 * or reconnect wait in progress is cancelled, events not yet delivered are dropped
	 * and running handlers are interrupted. The dispatcher may be started again.
	 */
	public void stop() {
		this.connection.close();
	}

	/**
	 * Whether the dispatcher is started: from {@link #start()} to {@link #stop()}, also
	 * after it gave up on rejected authentication.
	 * @return whether it is started
	 */
	public boolean isRunning() {
		return this.connection.isOpen();
	}

	/**
	 * The state of the connection.
	 * @return the current state
	 */
	public LimeConnectionState getState() {
		return this.connection.getState();
	}

	/**
	 * The id of the last event the server identified, sent as {@code Last-Event-ID} on
	 * the next connection.
	 * @return the last event id, or {@code null} when the server gave none
	 */
	public @Nullable String getLastEventId() {
		return this.lastEventId.get();
	}

	/**
	 * When the last event, keepalives included, was read from the stream.
	 * @return the time of the last event, or {@code null} before the first
	 */
	public @Nullable Instant getLastEventTime() {
		return this.connection.getLastEventTime();
	}

	/**
	 * Builds a {@link LimeEventDispatcher}; only the site token, given to
	 * {@link LimeEventDispatcher#builder(String)}, is required.
	 */
	public static final class Builder {

		private final String siteToken;

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

		private @Nullable Duration inFlightRecheck;

		private PendingLoginRequests pendingRequests = PendingLoginRequests.NONE;

		private @Nullable Function<String, Mono<LoginStatus>> statusLookup;

		private LimeMetrics metrics = LimeMetrics.NONE;

		private @Nullable LimeLoginBroadcast broadcast;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable LimeEventObservationConvention eventObservationConvention;

		private @Nullable LimeHandlerObservationConvention handlerObservationConvention;

		private Builder(String siteToken) {
			this.siteToken = siteToken.trim();
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
		 * With a shared {@link #eventLog(LimeEventLog) event log}, how often the events
		 * another reader took on and did not finish are looked for while the stream is
		 * read, besides before each opening: a reader that lost its lease may still be
		 * taking events on when the next one starts reading, and leaves what it dropped
		 * as it stopped to the one still reading. Give it the lease time. By default they
		 * are looked for only before each opening.
		 * @param interval the interval
		 * @return this builder
		 */
		public Builder inFlightRecheck(Duration interval) {
			Assert.isTrue(!interval.isNegative() && !interval.isZero(), "'interval' must be positive");
			this.inFlightRecheck = interval;
			return this;
		}

		/**
		 * Reconcile the pending login requests after each connection: those that expired
		 * meanwhile are delivered as expiries. Requests are forgotten as pending once
		 * their event is delivered. Give the
		 * {@link io.github.agentprotocols.lime.site.LimeSite} that creates the requests
		 * the same store and pass its
		 * {@link io.github.agentprotocols.lime.site.LimeSite#getLoginStatus(String)} as
		 * the lookup. Off by default.
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
		 * Record deliveries, reconnects and how long each handler runs. Defaults to
		 * {@link LimeMetrics#NONE}.
		 * @param metrics the metrics
		 * @return this builder
		 */
		public Builder metrics(LimeMetrics metrics) {
			this.metrics = metrics;
			return this;
		}

		/**
		 * Observe each event and each handler run in this registry. Defaults to
		 * {@link ObservationRegistry#NOOP}.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Observe events with this convention instead of the default one.
		 * @param convention the convention
		 * @return this builder
		 */
		public Builder eventObservationConvention(LimeEventObservationConvention convention) {
			this.eventObservationConvention = convention;
			return this;
		}

		/**
		 * Observe handler runs with this convention instead of the default one.
		 * @param convention the convention
		 * @return this builder
		 */
		public Builder handlerObservationConvention(LimeHandlerObservationConvention convention) {
			this.handlerObservationConvention = convention;
			return this;
		}

		/**
		 * Hand each outcome, after every handler ran, to a broadcast, for every instance
		 * of the site. None by default.
		 * @param broadcast the broadcast
		 * @return this builder
		 */
		public Builder broadcast(LimeLoginBroadcast broadcast) {
			this.broadcast = broadcast;
			return this;
		}

		/**
		 * The handlers in the order they run: with metrics, each handler timed; the
		 * broadcast, if any, last.
		 */
		private List<LimeLoginHandler> handlerChain() {
			List<LimeLoginHandler> chain = new ArrayList<>();
			LimeMetrics recorder = this.metrics;
			if (recorder != LimeMetrics.NONE) {
				this.handlers.forEach((handler) -> chain.add(new MeteredLoginHandler(handler, recorder)));
			}
			else {
				chain.addAll(this.handlers);
			}
			if (this.broadcast != null) {
				chain.add(new BroadcastingLoginHandler(this.broadcast));
			}
			return List.copyOf(chain);
		}

		private List<Consumer<LimeConnectionState>> stateListeners() {
			List<Consumer<LimeConnectionState>> listeners = new ArrayList<>(this.stateListeners);
			LimeMetrics recorder = this.metrics;
			if (recorder != LimeMetrics.NONE) {
				listeners.add((state) -> {
					if (state.status() == Status.RECONNECTING) {
						recorder.reconnecting();
					}
				});
			}
			return List.copyOf(listeners);
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
