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

package io.github.agentprotocols.acp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcast.EventAppended;
import io.github.agentprotocols.acp.AcpBroadcastListener;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpClusterBroadcastListener;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.observation.ClusterPublishObservationContext;
import io.github.agentprotocols.acp.observation.ClusterReceiveObservationContext;
import io.github.agentprotocols.commons.LifecyclePhases;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

/**
 * Relays broadcasts between the instances of an application (spec §5.7, cluster). As an
 * {@link AcpBroadcastListener} it sends each broadcast this instance commits on the
 * {@link ClusterChannel}, one message at a time in the order the funnel delivered them,
 * numbered per instance. It listens on the channel and hands the other instances'
 * broadcasts to the {@link AcpClusterBroadcastListener}s, one message at a time, each
 * broadcast once (by origin and number, events also by id).
 * <p>
 * When the channel's connection is lost it reconnects with a backoff, then catches up:
 * for each thread the listeners {@link AcpClusterBroadcastListener#watchedThreads()
 * watch}, it reads from the store the events committed since shortly before the last one
 * delivered before the loss, though not before the relay started (or, for a thread with
 * none, since shortly before the channel was last heard from) and delivers those not
 * delivered yet: another instance's event still in flight at the loss can be older than
 * the last one delivered, this instance's own above all. Other broadcasts missed
 * meanwhile (run, thread and member updates) are not replayed; the events of the log are.
 * The first connection catches up the same way, from the relay's start: the web server
 * may take sockets into rooms before it is made. With the instance's
 * {@linkplain #setBroadcaster(AcpBroadcaster) broadcast funnel} a thread's catch-up reads
 * the store in the thread's lane of the funnel, after the instance's writes in flight
 * there were delivered: an event this instance committed but had not delivered yet is
 * then known as its own, never delivered a second time as another instance's. A catch-up
 * that cannot read the store (the database lost as well) is retried, then handled as a
 * new loss: the relay reconnects and catches up again from the same point.
 * <p>
 * A message that cannot be sent (a pooled connection cut under it) is sent again, up to
 * three times, a quarter of a second apart and more: the receivers drop a number they
 * have already seen. The funnel answers a write once its broadcasts were sent (or could
 * not be, or after five seconds, {@link #passedOn()}): an instance killed after answering
 * had told the others.
 * <p>
 * Each message sent is observed as a child of the broadcast's delivery on this instance
 * and carries its trace; each message received is observed continuing that trace, and the
 * delivery of its broadcast as a child.
 * <p>
 * The relay proves that it hears: each time it starts listening, and every 30 seconds
 * while it listens, it sends a probe to itself on the channel ({@link ClusterProbe}). At
 * start-up it waits five seconds for the first connection and five more for its probe;
 * when it listens but does not hear the probe, the start-up fails with a
 * {@link ClusterChannelDeafException} (with PostgreSQL, typically a PgBouncer in
 * transaction pooling). A probe unheard for five seconds later on makes
 * {@link #isListening()} false until one is heard again.
 */
public class AcpClusterRelay implements AcpBroadcastListener, SmartLifecycle {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/**
	 * How far before the last event delivered, or the moment the channel was last heard
	 * from, a catch-up starts: for messages in flight at the loss and clocks apart.
	 */
	private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(10);

	private static final int CATCH_UP_CAP = 1_000;

	private static final Duration SEND_REMAINING = Duration.ofSeconds(5);

	/** How often and how soon a failed send or catch-up read is tried again. */
	private static final int RETRIES = 3;

	private static final Duration RETRY_BACKOFF = Duration.ofMillis(250);

	private static final int MAX_ORIGINS = 1_024;

	/** How long the start-up waits for the first connection, then for the probe. */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(AcpClusterRelay.class);

	private final String node = "acp-" + UUID.randomUUID();

	private final ClusterChannel channel;

	private final ThreadStore store;

	private final Supplier<? extends Collection<AcpClusterBroadcastListener>> listeners;

	private final Clock clock;

	private final DeliveredEvents delivered = new DeliveredEvents();

	private final ClusterProbe probe;

	/** The highest sequence number received per origin; touched by the receiver only. */
	private final Map<String, Long> sequences = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > MAX_ORIGINS;
		}

	};

	private final Object sending = new Object();

	private long sequence;

	private Sinks.@Nullable Many<Outgoing> outbox;

	private Sinks.Empty<Void> sent = Sinks.empty();

	/** Completes once the last broadcast queued was sent; guarded by {@link #sending}. */
	private Sinks.Empty<Void> lastQueued = sentAlready();

	private @Nullable Disposable receiving;

	private @Nullable Disposable probing;

	private Sinks.One<Boolean> firstConnection = Sinks.one();

	private Sinks.Empty<Void> firstProbeHeard = Sinks.empty();

	private volatile boolean overdueReported;

	private volatile @Nullable List<AcpClusterBroadcastListener> resolved;

	private volatile boolean running;

	private volatile boolean listening;

	private Duration probeInterval = Duration.ofSeconds(30);

	private volatile Instant heard = Instant.EPOCH;

	private volatile Instant started = Instant.EPOCH;

	private volatile @Nullable Instant lost;

	private ClusterObservations observations = ClusterObservations.NONE;

	private @Nullable AcpBroadcaster broadcaster;

	/**
	 * Creates a relay.
	 * @param channel the cluster channel
	 * @param store the store every instance commits to, for the messages sent by
	 * reference and for catching up
	 * @param listeners supplies the listeners of other instances' broadcasts, once, on
	 * first delivery
	 * @param clock tells when the channel was last heard from
	 */
	public AcpClusterRelay(ClusterChannel channel, ThreadStore store,
			Supplier<? extends Collection<AcpClusterBroadcastListener>> listeners, Clock clock) {
		this.channel = channel;
		this.store = store;
		this.listeners = listeners;
		this.clock = clock;
		this.probe = new ClusterProbe(this.node, clock, PROBE_TIMEOUT);
	}

	/**
	 * Sets how often the relay sends itself a probe while it listens (30 s unless set): a
	 * channel gone deaf is noticed within this interval and the probe's timeout.
	 * @param probeInterval the interval
	 */
	public void setProbeInterval(Duration probeInterval) {
		this.probeInterval = probeInterval;
	}

	/**
	 * Sets the instance's broadcast funnel, in whose lanes the catch-ups read the store
	 * (none unless set: a catch-up may then deliver an event the instance committed
	 * itself but had not delivered yet, a second time).
	 * @param broadcaster the funnel whose listeners include this relay
	 */
	public void setBroadcaster(AcpBroadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	/**
	 * Sets how messages and deliveries are observed.
	 * @param observations the observations
	 */
	public void setObservations(ClusterObservations observations) {
		this.observations = observations;
	}

	/**
	 * Queues a broadcast this instance committed for the other instances; returns at
	 * once. The observation current now, the broadcast's delivery, is the parent of the
	 * message's.
	 */
	@Override
	public void onBroadcast(AcpBroadcast broadcast) {
		if (broadcast instanceof EventAppended appended) {
			this.delivered.record(appended.event());
		}
		Observation parent = this.observations.registry().getCurrentObservation();
		synchronized (this.sending) {
			if (this.outbox != null) {
				Outgoing outgoing = new Outgoing(++this.sequence, broadcast, parent, Sinks.empty());
				this.lastQueued = outgoing.sent();
				this.outbox.tryEmitNext(outgoing);
			}
		}
	}

	/**
	 * Completes once the broadcasts queued so far were sent on the channel, or could not
	 * be (after the retries), or after five seconds: the funnel answers a write only
	 * then, so that an instance killed right after answering had told the others.
	 */
	@Override
	public Mono<Void> passedOn() {
		Sinks.Empty<Void> last;
		synchronized (this.sending) {
			last = this.lastQueued;
		}
		return last.asMono().timeout(SEND_REMAINING, Mono.empty());
	}

	/**
	 * The id this instance's messages carry.
	 * @return the node id
	 */
	public String node() {
		return this.node;
	}

	/**
	 * The transport, as {@code acp.cluster.transport} spells it.
	 * @return for example {@code postgres}
	 */
	public String transport() {
		return this.channel.transport();
	}

	/**
	 * Whether the relay listens on the cluster channel now and hears: false before the
	 * first connection, from a loss until it reconnected, and while its last probe has
	 * gone unheard for more than five seconds.
	 * @return whether other instances' broadcasts arrive
	 */
	public boolean isListening() {
		return this.listening && !this.probe.isOverdue();
	}

	/**
	 * When the relay last heard the probe it sends itself on the channel.
	 * @return the time, {@code null} before the first probe was heard
	 */
	public @Nullable Instant heard() {
		return this.probe.heard();
	}

	@Override
	public void start() {
		Sinks.Many<Outgoing> outbox = Sinks.many().unicast().onBackpressureBuffer();
		Sinks.Empty<Void> sent = Sinks.empty();
		outbox.asFlux()
			.concatMap(this::send)
			.doFinally((signal) -> sent.tryEmitEmpty())
			.subscribe(null, (ex) -> logger.error("The cluster relay's sender stopped", ex));
		synchronized (this.sending) {
			this.outbox = outbox;
			this.sent = sent;
		}
		// Sockets may join rooms before the first connection: catch up as after a loss.
		this.delivered.markLoss();
		this.started = this.clock.instant();
		this.lost = this.started;
		this.firstConnection = Sinks.one();
		this.firstProbeHeard = Sinks.empty();
		this.receiving = Flux.defer(this.channel::listen)
			.onBackpressureBuffer()
			.concatWith(Mono.error(() -> new IllegalStateException("The cluster channel's connection ended")))
			// each message passes on once received, which resets the backoff
			.concatMap((message) -> receive(message).thenReturn(message))
			.doOnError(this::lose)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF).transientErrors(true))
			.subscribe(null, (ex) -> logger.error("The cluster relay stopped listening", ex));
		this.probing = Flux.interval(this.probeInterval)
			.filter((tick) -> this.listening)
			.subscribe((tick) -> probeAgain());
		this.running = true;
		awaitFirstProbe();
	}

	/**
	 * Waits for the first connection, then for the probe it sends; fails when the channel
	 * connects but does not hear. An unreachable channel is not a failure: the relay
	 * keeps reconnecting and catches up, as after a loss.
	 */
	private void awaitFirstProbe() {
		Boolean connected = this.firstConnection.asMono().timeout(PROBE_TIMEOUT, Mono.just(false)).block();
		if (!Boolean.TRUE.equals(connected)) {
			logger.warn("The cluster relay could not listen on its channel (" + this.channel.transport()
					+ ") yet; it keeps trying");
			return;
		}
		Boolean heard = this.firstProbeHeard.asMono()
			.then(Mono.just(true))
			.timeout(PROBE_TIMEOUT, Mono.just(false))
			.block();
		if (!Boolean.TRUE.equals(heard)) {
			stop();
			throw new ClusterChannelDeafException(this.channel.transport(), PROBE_TIMEOUT);
		}
	}

	private void probeAgain() {
		if (this.probe.isOverdue() && !this.overdueReported) {
			this.overdueReported = true;
			logger.warn("The cluster relay did not hear its last probe on its channel (" + this.channel.transport()
					+ ") within " + PROBE_TIMEOUT.toSeconds() + " s: other instances' broadcasts may not arrive");
		}
		sendProbe();
	}

	private void sendProbe() {
		sendOnChannel(this.probe.next()).subscribe(null,
				(ex) -> logger.warn("Could not send the cluster relay's probe", ex));
	}

	/**
	 * Sends a message, again after a failure: a pooled connection may have been cut under
	 * the first attempt.
	 */
	private Mono<Void> sendOnChannel(String message) {
		return Mono.defer(() -> this.channel.send(message)).retryWhen(Retry.backoff(RETRIES, RETRY_BACKOFF));
	}

	/**
	 * Sends what is queued (for at most five seconds), then stops listening.
	 */
	@Override
	public void stop() {
		this.running = false;
		Sinks.Empty<Void> sent;
		synchronized (this.sending) {
			if (this.outbox != null) {
				this.outbox.tryEmitComplete();
			}
			this.outbox = null;
			sent = this.sent;
		}
		sent.asMono().timeout(SEND_REMAINING, Mono.empty()).block();
		Disposable probing = this.probing;
		if (probing != null) {
			probing.dispose();
		}
		Disposable receiving = this.receiving;
		if (receiving != null) {
			receiving.dispose();
		}
		this.listening = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the web server and the run executor have stopped (so their last
		// broadcasts are sent), before the connection factories stop
		return LifecyclePhases.BACKGROUND_WORK;
	}

	private Mono<Void> send(Outgoing outgoing) {
		AcpBroadcast broadcast = outgoing.broadcast();
		return Mono.defer(() -> {
			ClusterPublishObservationContext context = new ClusterPublishObservationContext(this.channel.transport(),
					ClusterMessage.typeOf(broadcast), broadcast.threadId(), this.node);
			Observation observation = this.observations.publish(context, outgoing.parent()).start();
			return ReactiveObservations.stopOnEnd(observation, Mono
				.fromCallable(() -> ClusterMessage.write(this.node, outgoing.sequence(), broadcast,
						this.channel.maxMessageBytes(), context.getCarrier()))
				.flatMap(this::sendOnChannel));
		}).onErrorResume((ex) -> {
			logger.warn("Could not send a " + outgoing.broadcast().getClass().getSimpleName() + " of thread "
					+ outgoing.broadcast().threadId() + " to the other instances", ex);
			return Mono.empty();
		}).doFinally((signal) -> outgoing.sent().tryEmitEmpty());
	}

	private void lose(Throwable error) {
		if (error instanceof CatchUpFailedException) {
			this.listening = false;
			logger.warn("Could not catch up after losing the cluster channel (" + this.channel.transport()
					+ "); reconnecting to catch up again", error.getCause());
		}
		else if (this.listening) {
			this.listening = false;
			this.delivered.markLoss();
			if (this.lost == null) {
				this.lost = this.heard;
			}
			logger.warn("Lost the cluster channel (" + this.channel.transport() + "); reconnecting", error);
		}
		else {
			this.firstConnection.tryEmitValue(false);
			logger.debug("Could not connect to the cluster channel", error);
		}
	}

	private Mono<Void> receive(Optional<String> message) {
		this.heard = this.clock.instant();
		if (message.isEmpty()) {
			this.listening = true;
			this.firstConnection.tryEmitValue(true);
			sendProbe();
			Instant lost = this.lost;
			return (lost != null)
					? catchUp(lost).doOnSuccess((done) -> this.lost = null).onErrorMap(CatchUpFailedException::new)
					: Mono.empty();
		}
		if (ClusterProbe.isProbe(message.get())) {
			if (this.probe.hear(message.get())) {
				this.overdueReported = false;
				this.firstProbeHeard.tryEmitEmpty();
			}
			return Mono.empty();
		}
		ClusterMessage received;
		try {
			received = ClusterMessage.read(message.get());
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a malformed message on the cluster channel", ex);
			return Mono.empty();
		}
		if (received.origin().equals(this.node) || !isNew(received)) {
			return Mono.empty();
		}
		ClusterReceiveObservationContext context = new ClusterReceiveObservationContext(received.trace(),
				this.channel.transport(), received.type(), received.origin());
		Observation observation = this.observations.receive(context).start();
		Mono<AcpBroadcast> delivery = received.resolve(this.store)
			.filter((broadcast) -> !(broadcast instanceof EventAppended appended)
					|| this.delivered.record(appended.event()))
			.doOnNext((broadcast) -> {
				context.setThreadId(broadcast.threadId());
				deliver(broadcast, observation);
			});
		return ReactiveObservations.stopOnEnd(observation, delivery).onErrorResume((ex) -> {
			logger.warn("Could not relay a broadcast of another instance", ex);
			return Mono.empty();
		}).then();
	}

	private boolean isNew(ClusterMessage message) {
		Long highest = this.sequences.get(message.origin());
		if (highest != null && message.sequence() <= highest) {
			return false;
		}
		this.sequences.put(message.origin(), message.sequence());
		return true;
	}

	private Mono<Void> catchUp(Instant lost) {
		Set<String> threads = new LinkedHashSet<>();
		listeners().forEach((listener) -> threads.addAll(listener.watchedThreads()));
		return Flux.fromIterable(threads)
			.concatMap((threadId) -> inLane(threadId,
					Mono.defer(() -> this.store.replay(threadId, catchUpFrom(threadId, lost), CATCH_UP_CAP))
						.retryWhen(Retry.backoff(RETRIES, RETRY_BACKOFF))
						.doOnNext((replay) -> replay.events()
							.stream()
							.filter(this.delivered::record)
							.forEach((event) -> deliver(new EventAppended(event), null)))))
			.then(Mono.fromRunnable(this.delivered::caughtUp));
	}

	/**
	 * Runs a thread's catch-up in the thread's lane of the broadcast funnel, if there is
	 * one: after this instance's writes in flight on the thread were delivered, before
	 * the next.
	 */
	private Mono<Replay> inLane(String threadId, Mono<Replay> catchUp) {
		AcpBroadcaster broadcaster = this.broadcaster;
		return (broadcaster != null) ? broadcaster.publish(threadId, catchUp, (replay) -> List.of()) : catchUp;
	}

	/**
	 * Where a thread's catch-up starts: a margin before the last event delivered before
	 * the loss, but not before the relay started, for the events committed earlier were
	 * either delivered or caught up by the first connection; for a thread with none, a
	 * margin before the channel was last heard from.
	 */
	private Cursor catchUpFrom(String threadId, Instant lost) {
		Cursor last = this.delivered.lastBeforeLoss(threadId);
		if (last == null) {
			return new Cursor(lost.minus(CATCH_UP_MARGIN), "0");
		}
		Instant from = last.createdAt().minus(CATCH_UP_MARGIN);
		return new Cursor(from.isAfter(this.started) ? from : this.started, "0");
	}

	private void deliver(AcpBroadcast broadcast, @Nullable Observation received) {
		this.observations.broadcasts().deliver(broadcast, true, received, () -> {
			for (AcpClusterBroadcastListener listener : listeners()) {
				try {
					listener.onRemoteBroadcast(broadcast);
				}
				catch (RuntimeException ex) {
					logger.warn("Cluster broadcast listener " + listener + " failed on "
							+ broadcast.getClass().getSimpleName() + " for thread " + broadcast.threadId(), ex);
				}
			}
		});
	}

	private List<AcpClusterBroadcastListener> listeners() {
		List<AcpClusterBroadcastListener> listeners = this.resolved;
		if (listeners == null) {
			listeners = List.copyOf(this.listeners.get());
			this.resolved = listeners;
		}
		return listeners;
	}

	private static Sinks.Empty<Void> sentAlready() {
		Sinks.Empty<Void> sent = Sinks.empty();
		sent.tryEmitEmpty();
		return sent;
	}

	private record Outgoing(long sequence, AcpBroadcast broadcast, @Nullable Observation parent,
			Sinks.Empty<Void> sent) {
	}

	/**
	 * A catch-up that could not read the store, which ends the connection so that the
	 * relay reconnects and catches up again.
	 */
	private static final class CatchUpFailedException extends RuntimeException {

		CatchUpFailedException(Throwable cause) {
			super("The cluster relay could not catch up", cause);
		}

	}

}
