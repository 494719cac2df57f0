package io.github.agentprotocols.happy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.socket.HappySocket;
import io.github.agentprotocols.happy.wire.Ephemeral;
import io.github.agentprotocols.happy.wire.MessageRecord;
import io.github.agentprotocols.happy.wire.SessionRecord;
import io.github.agentprotocols.happy.wire.Update;
import io.github.agentprotocols.happy.wire.VersionedValue;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Watches one session over the user-scoped socket: waits for a turn to complete (spec
 * §9.2) or for the agent to go idle (§9.3), and streams its new messages. Every watch
 * subscribes to the socket before it reads the session over REST, buffers what arrives
 * meanwhile, and re-syncs over REST after each reconnect (§5.5), so nothing that happens
 * between the calls is missed.
 */
final class SessionWatcher {

	private final SessionDirectory directory;

	private final HappySocket socket;

	SessionWatcher(SessionDirectory directory, HappySocket socket) {
		this.directory = directory;
		this.socket = socket;
	}

	/**
	 * Wait for the turn that answers the newest user message to complete.
	 * @param sessionId the session
	 * @param baselineSeq the seq of the user message, or {@code null} to find the newest
	 * one
	 * @param timeout the deadline
	 * @return completes with the turn; {@link HappyTimeoutException} at the deadline,
	 * {@link HappyConnectionException} when the socket is down at the deadline,
	 * {@link HappyException} when the session is archived meanwhile
	 */
	Mono<Void> awaitTurn(String sessionId, @Nullable Long baselineSeq, Duration timeout) {
		return watch(sessionId, timeout, "the turn of session " + sessionId + " to complete", (watch) -> {
			Mono<Long> baseline = (baselineSeq != null) ? Mono.just(baselineSeq)
					: newestUserSeq(sessionId, watch.record.seq() + 1, watch.key);
			return baseline.flatMapMany((seq) -> {
				TurnTracker tracker = new TurnTracker(seq);
				Flux<Signal> catchUp = this.directory.messagesAfter(sessionId, seq).map(Signal.NewMessage::new);
				return Flux.concat(catchUp, watch.live)
					.concatMap((signal) -> onTurnSignal(sessionId, watch, tracker, signal));
			});
		});
	}

	/**
	 * Wait for the agent to be idle: not driven from the terminal and no permission
	 * request pending (spec §9.3). Resolves at once when it already is.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @return completes when idle
	 */
	Mono<Void> awaitIdle(String sessionId, Duration timeout) {
		return watch(sessionId, timeout, "session " + sessionId + " to become idle",
				(watch) -> Flux.concat(Flux.just(new Signal.Resync()), watch.live)
					.concatMap((signal) -> onIdleSignal(sessionId, watch, signal)));
	}

	private Mono<Boolean> onTurnSignal(String sessionId, Watch watch, TurnTracker tracker, Signal signal) {
		if (signal instanceof Signal.NewMessage message) {
			return Mono.just(tracker.onMessage(message.record().seq(), watch.decrypt(message.record().content().c())));
		}
		if (signal instanceof Signal.State state) {
			return Mono.just(watch.apply(state.update()) && tracker.onAgentState(watch.agentState));
		}
		if (signal instanceof Signal.Event event) {
			return Mono.just(tracker.onSessionEvent(event.kind()));
		}
		if (signal instanceof Signal.Resync) {
			return watch.refresh()
				.thenMany(this.directory.messagesAfter(sessionId, tracker.highestSeq()))
				.map((record) -> tracker.onMessage(record.seq(), watch.decrypt(record.content().c())))
				.any((done) -> done)
				.map((done) -> done || tracker.onAgentState(watch.agentState));
		}
		return Mono.error(new SessionNotFoundException(sessionId));
	}

	private Mono<Boolean> onIdleSignal(String sessionId, Watch watch, Signal signal) {
		if (signal instanceof Signal.State state) {
			return Mono.just(watch.apply(state.update()) && AgentStates.isIdle(watch.agentState));
		}
		if (signal instanceof Signal.Resync) {
			return watch.refresh().then(Mono.fromSupplier(() -> AgentStates.isIdle(watch.agentState)));
		}
		if (signal instanceof Signal.Deleted) {
			return Mono.error(new SessionNotFoundException(sessionId));
		}
		return Mono.just(false);
	}

	/**
	 * The session's new messages, live, decrypted, in seq order; after a reconnect the
	 * messages missed meanwhile come first.
	 * @param sessionId the session
	 * @return the messages, until cancelled
	 */
	Flux<Message> messages(String sessionId) {
		return this.socket.connect().thenMany(Flux.defer(() -> {
			Sinks.Many<Signal> buffer = Sinks.many().unicast().onBackpressureBuffer();
			Disposable live = subscribe(sessionId, buffer);
			return this.directory.require(sessionId).flatMapMany((record) -> {
				RecordKey key = this.directory.key(record);
				AtomicLong highest = new AtomicLong(record.seq());
				return Flux.concat(Flux.just(new Signal.Resync()), buffer.asFlux()).concatMap((signal) -> {
					if (signal instanceof Signal.NewMessage message) {
						return Flux.just(message.record());
					}
					if (signal instanceof Signal.Resync) {
						return this.directory.messagesAfter(sessionId, highest.get());
					}
					if (signal instanceof Signal.Deleted) {
						return Flux.<MessageRecord>error(new SessionNotFoundException(sessionId));
					}
					return Flux.<MessageRecord>empty();
				})
					.filter((message) -> message.seq() > highest.get())
					.doOnNext((message) -> highest.set(message.seq()))
					.map((message) -> this.directory.message(key, message));
			}).doFinally((signal) -> live.dispose());
		})).publishOn(Schedulers.boundedElastic());
	}

	private Mono<Void> watch(String sessionId, Duration timeout, String what, Function<Watch, Flux<Boolean>> body) {
		return this.socket.connect().then(Mono.defer(() -> {
			Sinks.Many<Signal> buffer = Sinks.many().unicast().onBackpressureBuffer();
			Disposable live = subscribe(sessionId, buffer);
			return this.directory.require(sessionId).flatMap((record) -> {
				Watch watch = new Watch(record, this.directory.key(record), buffer.asFlux());
				watch.checkNotArchived();
				return body.apply(watch).filter((done) -> done).next();
			})
				.then()
				.timeout(timeout, Mono.error(() -> this.socket.isConnected()
						? new HappyTimeoutException("Timed out after " + timeout + " waiting for " + what)
						: new HappyConnectionException("Lost the connection to the Happy server while waiting for "
								+ what + " and could not reconnect within " + timeout)))
				.doFinally((signal) -> live.dispose());
		})).publishOn(Schedulers.boundedElastic());
	}

	private Disposable subscribe(String sessionId, Sinks.Many<Signal> buffer) {
		Flux<Signal> updates = this.socket.updates().mapNotNull((update) -> signalOf(sessionId, update));
		Flux<Signal> events = this.socket.ephemerals()
			.filter((ephemeral) -> ephemeral instanceof Ephemeral.SessionEvent event
					&& event.sessionId().equals(sessionId))
			.map((ephemeral) -> new Signal.Event(((Ephemeral.SessionEvent) ephemeral).kind()));
		Flux<Signal> resyncs = this.socket.reconnects().map((count) -> new Signal.Resync());
		return Flux.merge(updates, events, resyncs)
			.subscribe(
					(signal) -> buffer.emitNext(signal, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
	}

	private static @Nullable Signal signalOf(String sessionId, Update update) {
		if (update instanceof Update.NewMessage message && message.sid().equals(sessionId)) {
			return new Signal.NewMessage(message.message());
		}
		if (update instanceof Update.UpdateSession state && state.id().equals(sessionId)) {
			return new Signal.State(state);
		}
		if (update instanceof Update.DeleteSession deleted && deleted.sid().equals(sessionId)) {
			return new Signal.Deleted();
		}
		return null;
	}

	private Mono<Long> newestUserSeq(String sessionId, long beforeSeq, RecordKey key) {
		return this.directory.messagesBefore(sessionId, beforeSeq)
			.filter((record) -> isUserMessage(this.directory.object(key, record.content().c())))
			.next()
			.map(MessageRecord::seq)
			.defaultIfEmpty(0L);
	}

	static boolean isUserMessage(Map<String, ?> content) {
		Object role = content.get("role");
		if ("user".equals(role)) {
			return true;
		}
		return "session".equals(role) && content.get("content") instanceof Map<?, ?> inner
				&& "user".equals(inner.get("role"));
	}

	/**
	 * What a watch hears about its session.
	 */
	private sealed interface Signal {

		record NewMessage(MessageRecord record) implements Signal {
		}

		record State(Update.UpdateSession update) implements Signal {
		}

		record Event(String kind) implements Signal {
		}

		record Deleted() implements Signal {
		}

		record Resync() implements Signal {
		}

	}

	/**
	 * The session as one watch knows it: the newest metadata and agent state versions.
	 */
	private final class Watch {

		private final String sessionId;

		private final SessionRecord record;

		private final RecordKey key;

		private final Flux<Signal> live;

		private long metadataVersion;

		private Map<String, Object> metadata;

		private long agentStateVersion;

		private @Nullable Map<String, Object> agentState;

		Watch(SessionRecord record, RecordKey key, Flux<Signal> live) {
			this.sessionId = record.id();
			this.key = key;
			this.live = live;
			this.record = record;
			this.metadataVersion = record.metadataVersion();
			this.metadata = SessionWatcher.this.directory.metadata(key, record.metadata());
			this.agentStateVersion = record.agentStateVersion();
			this.agentState = (record.agentState() != null) ? decrypt(record.agentState()) : null;
		}

		Map<String, Object> decrypt(String encrypted) {
			return SessionWatcher.this.directory.object(this.key, encrypted);
		}

		/**
		 * Apply an {@code update-session}: the parts newer than what is held.
		 * @return whether the agent state changed
		 */
		boolean apply(Update.UpdateSession update) {
			VersionedValue metadata = update.metadata();
			if (metadata != null && metadata.version() > this.metadataVersion && metadata.value() != null) {
				this.metadataVersion = metadata.version();
				this.metadata = decrypt(metadata.value());
				checkNotArchived();
			}
			VersionedValue state = update.agentState();
			if (state != null && state.version() > this.agentStateVersion) {
				this.agentStateVersion = state.version();
				this.agentState = (state.value() != null) ? decrypt(state.value()) : null;
				return true;
			}
			return false;
		}

		Mono<Void> refresh() {
			return SessionWatcher.this.directory.require(this.sessionId).doOnNext((record) -> {
				String agentState = record.agentState();
				apply(new Update.UpdateSession(this.sessionId,
						new VersionedValue(record.metadata(), record.metadataVersion()),
						new VersionedValue(agentState, record.agentStateVersion())));
			}).then();
		}

		void checkNotArchived() {
			if (AgentStates.isArchived(this.metadata)) {
				throw new HappyException("Session is archived: " + this.sessionId);
			}
		}

	}

}
