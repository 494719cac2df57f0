package io.github.agentprotocols.happy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.socket.HappySocket;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.MetadataUpdate;
import io.github.agentprotocols.happy.wire.MetadataUpdateAck;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Writes a session's metadata with optimistic concurrency (spec §8.8): merges the changes
 * into the current document (shallow: the changes' keys replace, all others are kept),
 * emits {@code update-metadata} with the version it is based on, and on a
 * {@code version-mismatch} merges again into the document the server returned, after a
 * short jittered back-off. Gives up with {@link MetadataConflictException} after
 * {@value #ATTEMPTS} attempts; an {@code error}, malformed or missing acknowledgement is
 * a {@link MetadataUpdateException}.
 */
final class MetadataUpdater {

	static final int ATTEMPTS = 5;

	private static final Duration BACKOFF = Duration.ofMillis(40);

	private final SessionDirectory directory;

	private final HappySocket socket;

	private final Duration ackTimeout;

	MetadataUpdater(SessionDirectory directory, HappySocket socket, Duration ackTimeout) {
		this.directory = directory;
		this.socket = socket;
		this.ackTimeout = ackTimeout;
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

	Mono<Session> update(String sessionId, Map<String, ?> changes) {
		return this.directory.require(sessionId).flatMap((record) -> {
			RecordKey key = this.directory.key(record);
			return attempt(record, key, this.directory.metadata(key, record.metadata()), record.metadataVersion(),
					changes, 1);
		});
	}

	private Mono<Session> attempt(SessionRecord record, RecordKey key, Map<String, ?> current, long version,
			Map<String, ?> changes, int attempt) {
		Map<String, @Nullable Object> merged = merge(current, changes);
		String sealed = key.seal(merged);
		String sessionId = record.id();
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
					if (attempt >= ATTEMPTS) {
						return Mono.error(new MetadataConflictException(
								"Metadata update of " + sessionId + " lost " + ATTEMPTS + " version races; giving up",
								sessionId));
					}
					Map<String, Object> latest = this.directory.metadata(key, ack.metadata());
					SessionRecord newer = record.withMetadata(ack.metadata(), ack.version());
					return Mono.delay(backoff(attempt))
						.then(Mono.defer(() -> attempt(newer, key, latest, ack.version(), changes, attempt + 1)));
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

	private static Duration backoff(int attempt) {
		long bound = BACKOFF.toMillis() << attempt;
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound / 4, bound));
	}

}
