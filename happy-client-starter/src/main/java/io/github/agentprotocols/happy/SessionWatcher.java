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

package io.github.agentprotocols.happy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.agentprotocols.commons.thread.HandOff;
import io.github.agentprotocols.happy.crypto.RecordKey;
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
 * §9.2) or for the agent to go idle (§9.3), and streams its new messages. A turn wait
 * judges the agent state as of the end of its catch-up like a state change, so that the
 * idle fallback also holds when the agent went idle before the wait began. Every watch
 * subscribes to the socket before it reads the session over REST, buffers what arrives
 * meanwhile, and re-syncs over REST after each reconnect (§5.5), so nothing that happens
 * between the calls is missed. A wait on a session that has ended (metadata
 * {@code lifecycleState: archived}, or held inactive by the server) fails at once with
 * {@link SessionArchivedException}, whether it ended before the wait began or meanwhile:
 * such a session never answers nor goes idle again.
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
	 * @param prompt the user message as this client sent it, or {@code null} to find the
	 * newest one
	 * @param timeout the deadline
	 * @return completes with the turn; {@link HappyTimeoutException} at the deadline,
	 * {@link HappyConnectionException} when the socket is down at the deadline,
	 * {@link SessionArchivedException} when the session has ended or ends meanwhile
	 */
	Mono<Void> awaitTurn(String sessionId, @Nullable SentPrompt prompt, Duration timeout) {
		return watch(sessionId, timeout, "the turn of session " + sessionId + " to complete", true, (watch) -> {
			Mono<Long> baseline = (prompt != null) ? Mono.just(prompt.seq())
					: newestUserSeq(sessionId, watch.record.seq() + 1, watch.key);
			return baseline.flatMapMany((seq) -> {
				TurnTracker tracker = new TurnTracker(seq, (prompt != null) ? prompt.agentStateVersion() : null);
				Flux<Signal> catchUp = this.directory.messagesAfter(sessionId, seq).map(Signal.NewMessage::new);
				return Flux.concat(catchUp, Flux.just(new Signal.Resync()), watch.live)
					.concatMap((signal) -> onTurnSignal(sessionId, watch, tracker, signal));
			});
		});
	}

	/**
	 * Wait for the agent to be idle: not driven from the terminal and no permission
	 * request pending (spec §9.3), and, when asked, not thinking by its latest heartbeat.
	 * Resolves at once when it already is.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @param notThinking whether the latest {@code activity} heartbeat must also say
	 * {@code thinking: false}
	 * @return completes when idle; {@link SessionArchivedException} when the session has
	 * ended or ends meanwhile
	 */
	Mono<Void> awaitIdle(String sessionId, Duration timeout, boolean notThinking) {
		return awaitState(sessionId, timeout, "session " + sessionId + " to become idle", true,
				(watch) -> watch.isIdle(notThinking));
	}

	/**
	 * Wait for the agent process to have written its state: it does so once its session
	 * socket is connected, and from then on it hears metadata updates (older CLIs replay
	 * nothing they missed before).
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @return completes when the agent state has been written
	 */
	Mono<Void> awaitAgentConnected(String sessionId, Duration timeout) {
		return awaitState(sessionId, timeout, "the agent of session " + sessionId + " to connect", true,
				(watch) -> watch.agentStateVersion > 0);
	}

	/**
	 * Wait for the session's metadata to say {@code lifecycleState: archived}, as its
	 * agent writes it when stopped.
	 * @param sessionId the session
	 * @param timeout the deadline
	 * @return completes when archived; {@link HappyTimeoutException} at the deadline
	 */
	Mono<Void> awaitArchived(String sessionId, Duration timeout) {
		return awaitState(sessionId, timeout, "session " + sessionId + " to be archived", false,
				(watch) -> AgentStates.isArchived(watch.metadata));
	}

	private Mono<Void> awaitState(String sessionId, Duration timeout, String what, boolean endFails,
			Predicate<Watch> condition) {
		return watch(sessionId, timeout, what, endFails,
				(watch) -> Flux.concat(Flux.just(new Signal.Resync()), watch.live)
					.concatMap((signal) -> onStateSignal(sessionId, watch, signal, condition)));
	}

	private Mono<Boolean> onTurnSignal(String sessionId, Watch watch, TurnTracker tracker, Signal signal) {
		if (signal instanceof Signal.NewMessage message) {
			return Mono.just(tracker.onMessage(message.record().seq(), watch.decrypt(message.record().content().c())));
		}
		if (signal instanceof Signal.State state) {
			return Mono
				.just(watch.apply(state.update()) && tracker.onAgentState(watch.agentStateVersion, watch.agentState));
		}
		if (signal instanceof Signal.Event event) {
			return Mono.just(tracker.onSessionEvent(event.kind()));
		}
		if (signal instanceof Signal.Activity activity) {
			watch.apply(activity);
			return Mono.just(false);
		}
		if (signal instanceof Signal.Resync) {
			return watch.refresh()
				.thenMany(this.directory.messagesAfter(sessionId, tracker.highestSeq()))
				.map((record) -> tracker.onMessage(record.seq(), watch.decrypt(record.content().c())))
				.any((done) -> done)
				.map((done) -> done || tracker.onAgentState(watch.agentStateVersion, watch.agentState));
		}
		if (signal instanceof Signal.Deleted) {
			return Mono.error(new SessionNotFoundException(sessionId));
		}
		return Mono.just(false);
	}

	private Mono<Boolean> onStateSignal(String sessionId, Watch watch, Signal signal, Predicate<Watch> condition) {
		if (signal instanceof Signal.State state) {
			watch.apply(state.update());
		}
		else if (signal instanceof Signal.Activity activity) {
			watch.apply(activity);
		}
		else if (signal instanceof Signal.Resync) {
			return watch.refresh().then(Mono.fromSupplier(() -> condition.test(watch)));
		}
		else if (signal instanceof Signal.Deleted) {
			return Mono.error(new SessionNotFoundException(sessionId));
		}
		return Mono.just(condition.test(watch));
	}

	/**
	 * The session's messages after a seq, then live as they are stored, decrypted and
	 * de-duplicated; after a reconnect the messages missed meanwhile are fetched first.
	 * @param sessionId the session
	 * @param afterSeq the seq to start after
	 * @return the messages, until cancelled
	 */
	Flux<Message> messages(String sessionId, long afterSeq) {
		return HandOff.publishOn(this.socket.connect().thenMany(Flux.defer(() -> {
			Sinks.Many<Signal> buffer = Sinks.many().unicast().onBackpressureBuffer();
			Disposable live = subscribe(sessionId, buffer);
			return this.directory.require(sessionId).flatMapMany((record) -> {
				RecordKey key = this.directory.key(record);
				AtomicLong highest = new AtomicLong(afterSeq);
				Set<Long> seen = new HashSet<>();
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
					.filter((message) -> message.seq() > afterSeq && seen.add(message.seq()))
					.doOnNext((message) -> highest.accumulateAndGet(message.seq(), Math::max))
					.map((message) -> this.directory.message(key, message));
			}).doFinally((signal) -> live.dispose());
		})), Schedulers.boundedElastic());
	}

	private Mono<Void> watch(String sessionId, Duration timeout, String what, boolean endFails,
			Function<Watch, Flux<Boolean>> body) {
		return this.socket.connect().then(Mono.defer(() -> {
			Sinks.Many<Signal> buffer = Sinks.many().unicast().onBackpressureBuffer();
			Disposable live = subscribe(sessionId, buffer);
			return this.directory.require(sessionId).flatMap((record) -> {
				Watch watch = new Watch(record, this.directory.key(record), buffer.asFlux(), endFails);
				watch.checkNotEnded();
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
		Flux<Signal> events = this.socket.ephemerals().mapNotNull((ephemeral) -> signalOf(sessionId, ephemeral));
		Flux<Signal> resyncs = this.socket.reconnects().map((count) -> new Signal.Resync());
		return Flux.merge(updates, events, resyncs)
			.subscribe(
					(signal) -> buffer.emitNext(signal, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
	}

	private static @Nullable Signal signalOf(String sessionId, Ephemeral ephemeral) {
		if (ephemeral instanceof Ephemeral.SessionEvent event && event.sessionId().equals(sessionId)) {
			return new Signal.Event(event.kind());
		}
		if (ephemeral instanceof Ephemeral.Activity activity && activity.id().equals(sessionId)) {
			return new Signal.Activity(activity.active(), activity.thinking());
		}
		return null;
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

		record Activity(boolean active, boolean thinking) implements Signal {
		}

		record Deleted() implements Signal {
		}

		record Resync() implements Signal {
		}

	}

	/**
	 * The session as one watch knows it: the newest metadata and agent state versions,
	 * and whether the server holds it active.
	 */
	private final class Watch {

		private final String sessionId;

		private final SessionRecord record;

		private final RecordKey key;

		private final Flux<Signal> live;

		private final boolean endFails;

		private boolean active;

		private long metadataVersion;

		private Map<String, Object> metadata;

		private long agentStateVersion;

		private @Nullable Map<String, Object> agentState;

		private @Nullable Boolean thinking;

		Watch(SessionRecord record, RecordKey key, Flux<Signal> live, boolean endFails) {
			this.sessionId = record.id();
			this.key = key;
			this.live = live;
			this.endFails = endFails;
			this.record = record;
			this.active = record.active();
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
				checkNotEnded();
			}
			VersionedValue state = update.agentState();
			if (state != null && state.version() > this.agentStateVersion) {
				this.agentStateVersion = state.version();
				this.agentState = (state.value() != null) ? decrypt(state.value()) : null;
				return true;
			}
			return false;
		}

		/**
		 * Apply an {@code activity} heartbeat: whether the agent is thinking, and whether
		 * the session is still active.
		 */
		void apply(Signal.Activity activity) {
			this.thinking = activity.thinking();
			this.active = activity.active();
			checkNotEnded();
		}

		Mono<Void> refresh() {
			return SessionWatcher.this.directory.require(this.sessionId).doOnNext((record) -> {
				this.active = record.active();
				String agentState = record.agentState();
				apply(new Update.UpdateSession(this.sessionId,
						new VersionedValue(record.metadata(), record.metadataVersion()),
						new VersionedValue(agentState, record.agentStateVersion())));
				checkNotEnded();
			}).then();
		}

		boolean isIdle(boolean notThinking) {
			return AgentStates.isIdle(this.agentState) && (!notThinking || Boolean.FALSE.equals(this.thinking));
		}

		/**
		 * Fail a wait on a session that has ended: archived by its metadata, or inactive
		 * (its agent ended it, it was archived, or its heartbeats stopped).
		 */
		void checkNotEnded() {
			if (!this.endFails) {
				return;
			}
			if (AgentStates.isArchived(this.metadata)) {
				throw new SessionArchivedException("Session is archived: " + this.sessionId, this.sessionId);
			}
			if (!this.active) {
				throw new SessionArchivedException("Session is inactive, its agent has ended: " + this.sessionId,
						this.sessionId);
			}
		}

	}

}
