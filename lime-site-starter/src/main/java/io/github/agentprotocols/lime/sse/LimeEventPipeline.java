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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.lime.EventObservations;
import io.github.agentprotocols.lime.EventObservations.ObservedEvent;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEventLog;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Outcome;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Source;
import io.github.agentprotocols.lime.sse.FrameOutcome.Deliver;
import io.github.agentprotocols.lime.sse.FrameOutcome.Skip;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.http.codec.ServerSentEvent;

/**
 * What happens to the frames of one opening of the event stream: each is read into login
 * events, which are handed to the handlers through an {@link OrderedDelivery} unless
 * delivered recently or, with a shared {@link LimeEventLog}, claimed by another instance;
 * then the frame's id becomes the last event id (recorded in the log first). After each
 * connection the pending requests found expired are delivered as expiries
 * ({@link Reconciliation}). Before the first connection, the events a previous reader
 * left in flight in the shared log are delivered, and again at an interval while the
 * stream is read: a reader that lost its lease may still be taking events on when the
 * next one starts (a Redis failover that loses writes lets both hold it for a while), and
 * what it took on and dropped as it stopped is left for the one still reading. Each event
 * is observed from here until its handlers ran or it was set aside. Knows nothing of
 * HTTP.
 */
final class LimeEventPipeline implements LimeStreamConnection.Listener {

	private static final Log logger = LogFactory.getLog(LimeEventDispatcher.class);

	private final LimeFrameReader frameReader = new LimeFrameReader();

	private final OrderedDelivery delivery;

	private final RecentEvents recentEvents;

	private final RecentEvents handledEvents;

	private final AtomicReference<@Nullable String> lastEventId;

	private final @Nullable LimeEventLog eventLog;

	private final PendingLoginRequests pendingRequests;

	private final @Nullable Reconciliation reconciliation;

	private final @Nullable Duration inFlightRecheck;

	private final EventObservations observations;

	/**
	 * The reconciliation after the latest connection; a new connection's replaces it.
	 */
	private final Disposable.Swap reconciling = Disposables.swap();

	/** Whether the events left in flight were delivered. */
	private final AtomicBoolean recovered = new AtomicBoolean();

	/** Looks for events left in flight at an interval, from the first connection. */
	private final Disposable.Swap rechecking = Disposables.swap();

	/** Whether looking for events left in flight at an interval started. */
	private final AtomicBoolean recheckStarted = new AtomicBoolean();

	/** The request ids of the events being claimed in the shared log. */
	private final Set<String> claiming = ConcurrentHashMap.newKeySet();

	/**
	 * Create a pipeline.
	 * @param delivery hands events to the handlers; disposed when the pipeline closes
	 * @param recentEvents the events delivered recently, shared by the openings of a
	 * dispatcher
	 * @param handledEvents the events whose handlers ran recently, shared by the openings
	 * of a dispatcher
	 * @param lastEventId the last event id, shared by the openings of a dispatcher
	 * @param eventLog the log shared with other instances, or {@code null}
	 * @param pendingRequests the requests to forget once their event is delivered
	 * @param reconciliation finds the expiries missed, or {@code null} not to look
	 * @param inFlightRecheck how often the events left in flight in the shared log are
	 * looked for while the stream is read, or {@code null} only before connecting
	 * @param observations observes each event
	 */
	LimeEventPipeline(OrderedDelivery delivery, RecentEvents recentEvents, RecentEvents handledEvents,
			AtomicReference<@Nullable String> lastEventId, @Nullable LimeEventLog eventLog,
			PendingLoginRequests pendingRequests, @Nullable Reconciliation reconciliation,
			@Nullable Duration inFlightRecheck, EventObservations observations) {
		this.delivery = delivery;
		this.recentEvents = recentEvents;
		this.handledEvents = handledEvents;
		this.lastEventId = lastEventId;
		this.eventLog = eventLog;
		this.pendingRequests = pendingRequests;
		this.reconciliation = reconciliation;
		this.inFlightRecheck = inFlightRecheck;
		this.observations = observations;
	}

	/**
	 * Take the last event id from the shared log, where another instance may have read
	 * further than this one.
	 */
	@Override
	public Mono<Void> beforeConnect() {
		LimeEventLog log = this.eventLog;
		if (log == null) {
			return Mono.empty();
		}
		return recover(log).then(log.lastEventId()).doOnNext(this.lastEventId::set).then().onErrorResume((ex) -> {
			logger.warn("Could not read the last event id of the LIME event stream from the shared event log;"
					+ " resuming from this instance's own (" + this.lastEventId.get() + ")", ex);
			return Mono.empty();
		});
	}

	/**
	 * Before the first connection, hand the handlers the events a previous reader took on
	 * and did not finish (killed, or stopped with its lease lost), also those this
	 * instance delivered and whose handlers did not all run. Tried again before the next
	 * connection when the log cannot be read.
	 */
	private Mono<Void> recover(LimeEventLog log) {
		if (this.recovered.get()) {
			return Mono.empty();
		}
		return deliverLeftInFlight(log).then(Mono.fromRunnable(() -> this.recovered.set(true))).onErrorResume((ex) -> {
			logger.warn("Could not read the events in flight from the shared event log; trying again before the"
					+ " next connection", ex);
			return Mono.empty();
		}).then();
	}

	/**
	 * Hand the handlers the events in flight in the shared log that this instance has not
	 * delivered. An event whose handlers ran here is not delivered again: the record of
	 * it was lost or is still on its way (a master failing over), and is made again.
	 */
	private Mono<Void> deliverLeftInFlight(LimeEventLog log) {
		return log.inFlight().concatMap((event) -> {
			if (this.handledEvents.contains(event.type(), event.requestId())) {
				logger.debug("Recording again that LIME login request " + event.requestId() + " was handled");
				return recordHandled(log, event);
			}
			if (this.claiming.contains(event.requestId()) || this.delivery.isDelivering(event.requestId())) {
				// on its way to the handlers here
				return Mono.empty();
			}
			logger.info("Delivering the '" + event.type() + "' event of LIME login request " + event.requestId()
					+ ", which a reader took on and did not finish");
			this.recentEvents.add(event);
			this.delivery.submit(this.observations.event(event, Source.RECOVERY));
			return forgetPending(event.requestId());
		}).then();
	}

	/**
	 * From the first connection, look for the events left in flight at the recheck
	 * interval until the stream closes.
	 */
	private void recheckInFlight() {
		LimeEventLog log = this.eventLog;
		Duration interval = this.inFlightRecheck;
		if (log == null || interval == null || !this.recheckStarted.compareAndSet(false, true)) {
			return;
		}
		this.rechecking.update(Flux.interval(interval, interval)
			.onBackpressureDrop()
			.concatMap((tick) -> deliverLeftInFlight(log).onErrorResume((ex) -> {
				logger.debug(
						"Could not read the events in flight from the shared event log; looking again in " + interval,
						ex);
				return Mono.empty();
			}), 1)
			.subscribe());
	}

	/**
	 * Records in the shared log that the handlers ran on an event; a failure is logged,
	 * the next reader then delivers the event again.
	 */
	static Mono<Void> recordHandled(LimeEventLog log, LimeEvent event) {
		return log.handled(event).onErrorResume((ex) -> {
			logger.warn("Could not record in the shared event log that LIME login request " + event.requestId()
					+ " was handled; the next reader delivers it again", ex);
			return Mono.empty();
		});
	}

	@Override
	public @Nullable String lastEventId() {
		return this.lastEventId.get();
	}

	/**
	 * Deliver the events of a frame, then take its id as the last event id.
	 */
	@Override
	public Mono<Void> frame(ServerSentEvent<String> frame) {
		String id = frame.id();
		String data = frame.data();
		List<Mono<Void>> deliveries = new ArrayList<>(1);
		if (data != null) {
			for (FrameOutcome outcome : this.frameReader.read(data, id)) {
				if (outcome instanceof Deliver deliver) {
					deliveries.add(deliver(deliver.event(), Source.STREAM));
				}
				else if (outcome instanceof Skip skip) {
					log(skip);
				}
			}
		}
		Mono<Void> delivered = (deliveries.size() == 1) ? deliveries.get(0) : Flux.concat(deliveries).then();
		return (id != null) ? delivered.then(advance(id)) : delivered;
	}

	/**
	 * Deliver the expiries of the pending requests found over, unless an approval of
	 * theirs was delivered meanwhile.
	 */
	@Override
	public void connected() {
		recheckInFlight();
		Reconciliation reconciliation = this.reconciliation;
		if (reconciliation == null) {
			return;
		}
		this.reconciling.update(reconciliation.expiries()
			.filter((expiry) -> !this.recentEvents.contains(LimeEvent.Type.APPROVED, expiry.requestId()))
			.concatMap((expiry) -> {
				logger.info("LIME login request " + expiry.requestId()
						+ " expired without its event reaching this site; delivering its expiry");
				return deliver(expiry, Source.RECONCILIATION);
			})
			.subscribe(null, (ex) -> logger.warn("Reconciling the pending LIME login requests failed", ex)));
	}

	/**
	 * Drop the events not yet delivered, interrupting running handlers, and stop
	 * reconciling and looking for events left in flight.
	 */
	@Override
	public void closed() {
		this.rechecking.dispose();
		this.reconciling.dispose();
		this.delivery.dispose();
	}

	private Mono<Void> advance(String id) {
		LimeEventLog log = this.eventLog;
		Mono<Void> recorded = (log != null && !id.isEmpty()) ? log.advance(id) : Mono.empty();
		return recorded.then(Mono.fromRunnable(() -> this.lastEventId.set((id.isEmpty()) ? null : id)));
	}

	/**
	 * Hand an event to the handlers unless it was delivered recently or, with a shared
	 * log, claimed by another instance; then forget its request as pending.
	 */
	private Mono<Void> deliver(LimeEvent event, Source source) {
		return Mono.defer(() -> {
			ObservedEvent observed = this.observations.event(event, source);
			if (!this.recentEvents.add(event)) {
				if (logger.isDebugEnabled()) {
					logger.debug("Skipped a repeated '" + event.type() + "' event for request " + event.requestId());
				}
				observed.end(Outcome.DUPLICATE);
				return Mono.empty();
			}
			LimeEventLog log = this.eventLog;
			Mono<Boolean> claimed = (log != null) ? log.claim(event) : Mono.just(true);
			AtomicBoolean submitted = new AtomicBoolean();
			this.claiming.add(event.requestId());
			return claimed.doOnNext((claim) -> {
				if (claim) {
					submitted.set(true);
					this.delivery.submit(observed);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Skipped a '" + event.type() + "' event for request " + event.requestId()
							+ " that another instance took on");
				}
			}).doOnError(observed.observation()::error).doFinally((signal) -> {
				this.claiming.remove(event.requestId());
				if (!submitted.get()) {
					observed.end(outcome(signal));
				}
				if (!submitted.get() && signal != SignalType.ON_COMPLETE) {
					// cut short (the stream closed) or failed: delivered when it comes
					// again
					this.recentEvents.forget(event);
				}
			}).then(forgetPending(event.requestId()));
		});
	}

	private static Outcome outcome(SignalType signal) {
		return switch (signal) {
			case ON_COMPLETE -> Outcome.CLAIMED_ELSEWHERE;
			case ON_ERROR -> Outcome.FAILED;
			default -> Outcome.DROPPED;
		};
	}

	private Mono<Void> forgetPending(String requestId) {
		return this.pendingRequests.remove(requestId).onErrorResume((ex) -> {
			logger.debug("Could not forget pending LIME login request " + requestId, ex);
			return Mono.empty();
		});
	}

	private void log(Skip skip) {
		switch (skip.severity()) {
			case ERROR -> logger.error("LIME event stream: " + skip.reason());
			case WARN -> logger.warn("LIME event stream: " + skip.reason());
			case DEBUG -> logger.debug("LIME event stream: " + skip.reason());
			case TRACE -> logger.trace("LIME event stream: " + skip.reason());
		}
	}

}
