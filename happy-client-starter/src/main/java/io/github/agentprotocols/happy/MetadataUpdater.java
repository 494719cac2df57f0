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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.MetadataUpdate;
import io.github.agentprotocols.happy.wire.MetadataUpdateAck;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Writes a session's metadata with optimistic concurrency (spec §8.8): merges the changes
 * into the current document (shallow: the changes' keys replace, all others are kept),
 * emits {@code update-metadata} with the version it is based on, and on a
 * {@code version-mismatch} merges again into the document the server returned, after a
 * jittered back-off that grows with the attempt and the measured round trip, up to a
 * ceiling. This client's own updates of a session are queued, so they never race each
 * other. Gives up with {@link MetadataConflictException} after its budget of attempts; an
 * {@code error}, malformed or missing acknowledgement is a
 * {@link MetadataUpdateException}.
 */
final class MetadataUpdater {

	private static final Duration MIN_BACKOFF = Duration.ofMillis(20);

	private final Map<String, Mono<Void>> queues = new ConcurrentHashMap<>();

	private final SessionDirectory directory;

	private final HappySocket socket;

	private final Duration ackTimeout;

	private final int attempts;

	private final Duration maxBackoff;

	MetadataUpdater(SessionDirectory directory, HappySocket socket, Duration ackTimeout, int attempts,
			Duration maxBackoff) {
		this.directory = directory;
		this.socket = socket;
		this.ackTimeout = ackTimeout;
		this.attempts = attempts;
		this.maxBackoff = maxBackoff;
	}

	/**
	 * The shallow merge of changes into a metadata document.
	 * @param metadata the current document
	 * @param changes the changes
	 * @return a new document: the changes' keys replaced, the others kept
	 */
	static Map<String, @Nullable Object> merge(Map<String, ?> metadata, Map<String, ?> changes) {
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(metadata);
		merged.putAll(changes);
		return merged;
	}

	/**
	 * Update a session's metadata. This client's updates of one session run one after the
	 * other, so they never race each other; races with other writers are retried.
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @return the session as written
	 */
	Mono<Session> update(String sessionId, Map<String, ?> changes) {
		return update(sessionId, changes, (metadata) -> false);
	}

	/**
	 * Update a session's metadata unless it already says what is wanted: checked against
	 * the current document before each attempt, so that a version race lost to a writer
	 * that wrote the same ends the update instead of overwriting that writer.
	 * @param sessionId the session
	 * @param changes the keys to set
	 * @param settled whether a document needs no update
	 * @return the session as written, or as found when settled
	 */
	Mono<Session> update(String sessionId, Map<String, ?> changes, Predicate<Map<String, ?>> settled) {
		return Mono.defer(() -> {
			Sinks.Empty<Void> done = Sinks.empty();
			Mono<Void> turn = done.asMono();
			AtomicReference<Mono<Void>> previous = new AtomicReference<>();
			this.queues.compute(sessionId, (key, tail) -> {
				previous.set((tail != null) ? tail : Mono.empty());
				return turn;
			});
			return previous.get().then(write(sessionId, changes, settled)).doFinally((signal) -> {
				done.tryEmitEmpty();
				this.queues.remove(sessionId, turn);
			});
		});
	}

	private Mono<Session> write(String sessionId, Map<String, ?> changes, Predicate<Map<String, ?>> settled) {
		return this.directory.require(sessionId).flatMap((record) -> {
			RecordKey key = this.directory.key(record);
			return attempt(record, key, this.directory.metadata(key, record.metadata()), record.metadataVersion(),
					changes, settled, 1);
		});
	}

	private Mono<Session> attempt(SessionRecord record, RecordKey key, Map<String, ?> current, long version,
			Map<String, ?> changes, Predicate<Map<String, ?>> settled, int attempt) {
		if (settled.test(current)) {
			return Mono.just(this.directory.session(record));
		}
		Map<String, @Nullable Object> merged = merge(current, changes);
		String sealed = key.seal(merged);
		String sessionId = record.id();
		long start = System.nanoTime();
		return this.socket
			.emitWithAck("update-metadata", new MetadataUpdate(sessionId, sealed, version), this.ackTimeout,
					() -> new MetadataUpdateException("The Happy server did not acknowledge the metadata update of "
							+ sessionId + " within " + this.ackTimeout, sessionId))
			.flatMap((json) -> {
				MetadataUpdateAck ack = readAck(sessionId, json);
				if (MetadataUpdateAck.SUCCESS.equals(ack.result()) && ack.version() != null) {
					SessionRecord updated = record.withMetadata(sealed, ack.version());
					return Mono.just(this.directory.session(updated, this.directory.metadata(key, sealed)));
				}
				if (MetadataUpdateAck.VERSION_MISMATCH.equals(ack.result()) && ack.version() != null
						&& ack.metadata() != null) {
					if (attempt >= this.attempts) {
						return Mono.error(new MetadataConflictException("Metadata update of " + sessionId + " lost "
								+ this.attempts + " version races; giving up", sessionId));
					}
					Map<String, Object> latest = this.directory.metadata(key, ack.metadata());
					SessionRecord newer = record.withMetadata(ack.metadata(), ack.version());
					return Mono.delay(backoff(attempt, Duration.ofNanos(System.nanoTime() - start)))
						.then(Mono
							.defer(() -> attempt(newer, key, latest, ack.version(), changes, settled, attempt + 1)));
				}
				return Mono.error(new MetadataUpdateException(
						"The Happy server rejected the metadata update of " + sessionId + ": " + json, sessionId));
			});
	}

	private static MetadataUpdateAck readAck(String sessionId, String json) {
		try {
			return HappyJson.read(json, MetadataUpdateAck.class);
		}
		catch (HappyException ex) {
			throw new MetadataUpdateException("Malformed acknowledgement of the metadata update of " + sessionId,
					sessionId, ex);
		}
	}

	/**
	 * A random pause before retrying, growing with the attempt and scaled by the round
	 * trip just measured, so that racing writers spread out however slow the server is.
	 */
	private Duration backoff(int attempt, Duration roundTrip) {
		long unit = Math.max(MIN_BACKOFF.toMillis(), roundTrip.toMillis());
		long bound = Math.min(this.maxBackoff.toMillis(), unit << Math.min(attempt, 20));
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(unit / 2, Math.max(unit / 2 + 1, bound)));
	}

}
