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

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.MachineRecord;
import io.github.agentprotocols.happy.wire.MessagePage;
import io.github.agentprotocols.happy.wire.MessageRecord;
import io.github.agentprotocols.happy.wire.SessionPage;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds session and machine records over REST and turns them into the client's types: the
 * single-session lookup of spec §4.5, key resolution (§3.5) and decryption, with decrypt
 * failures counted.
 */
final class SessionDirectory {

	private static final Log logger = LogFactory.getLog(SessionDirectory.class);

	private static final int PAGE = 200;

	private static final int MESSAGE_PAGE = 500;

	private final HappyRestClient rest;

	private final RecordKeys keys;

	private final HappyMetrics metrics;

	SessionDirectory(HappyRestClient rest, RecordKeys keys, HappyMetrics metrics) {
		this.rest = rest;
		this.keys = keys;
		this.metrics = metrics;
	}

	/**
	 * Find a session: first among the 150 most recently updated; if not there, a read of
	 * one of its messages tells whether the account has it (404 when not), and only then
	 * are all sessions paged through, so that an unknown id costs two requests whatever
	 * the number of sessions.
	 * @param sessionId the session
	 * @return the record, or empty when the account has no such session
	 */
	Mono<SessionRecord> find(String sessionId) {
		return this.rest.recentSessions()
			.flatMap((sessions) -> Mono.justOrEmpty(byId(sessions, sessionId)))
			.switchIfEmpty(Mono.defer(() -> exists(sessionId).filter(Boolean::booleanValue)
				.flatMap((known) -> allSessions().filter((record) -> record.id().equals(sessionId)).next())));
	}

	private Mono<Boolean> exists(String sessionId) {
		return this.rest.messagesAfter(sessionId, 0, 1)
			.thenReturn(true)
			.onErrorResume(SessionNotFoundException.class, (ex) -> Mono.just(false));
	}

	/**
	 * Find a session or fail.
	 * @param sessionId the session
	 * @return the record; a {@link SessionNotFoundException} when unknown
	 */
	Mono<SessionRecord> require(String sessionId) {
		return find(sessionId).switchIfEmpty(Mono.error(() -> new SessionNotFoundException(sessionId)));
	}

	/**
	 * All sessions, paging v2 until the end; a page whose cursor is the one it was asked
	 * with ends the paging, so that a server repeating itself cannot keep the client
	 * paging forever.
	 * @return the session records
	 */
	Flux<SessionRecord> allSessions() {
		return this.rest.sessionPage(null, PAGE).map((page) -> new CursorPage(null, page)).expand((previous) -> {
			SessionPage page = previous.page();
			String next = page.nextCursor();
			return (page.hasNext() && next != null && !next.equals(previous.cursor()))
					? this.rest.sessionPage(next, PAGE).map((nextPage) -> new CursorPage(next, nextPage))
					: Mono.empty();
		}).concatMapIterable((previous) -> previous.page().sessions());
	}

	Mono<List<Session>> list(boolean activeOnly) {
		Flux<SessionRecord> records = activeOnly ? this.rest.activeSessions(500).flatMapIterable((sessions) -> sessions)
				: allSessions();
		return records.map(this::sessionOrBlank).collectList();
	}

	RecordKey key(SessionRecord record) {
		return counted(() -> this.keys.session(record));
	}

	RecordKey key(MachineRecord record) {
		return counted(() -> this.keys.machine(record));
	}

	/**
	 * A session with its metadata and agent state decrypted.
	 * @param record the record
	 * @return the session; a {@link HappyEncryptionException} when it cannot be decrypted
	 */
	Session session(SessionRecord record) {
		RecordKey key = key(record);
		return session(record, metadata(key, record.metadata()));
	}

	Session session(SessionRecord record, Map<String, Object> metadata) {
		RecordKey key = key(record);
		Map<String, Object> agentState = (record.agentState() != null) ? object(key, record.agentState()) : null;
		return new Session(record.id(), record.active(), record.createdAt(), metadata, record.agentState(),
				record.metadataVersion(), agentState, record.agentStateVersion(), record.activeAt(),
				record.updatedAt());
	}

	Map<String, Object> metadata(RecordKey key, String encrypted) {
		return object(key, encrypted);
	}

	private Session sessionOrBlank(SessionRecord record) {
		try {
			return session(record);
		}
		catch (HappyEncryptionException ex) {
			logger.info("Listing session " + record.id() + " without metadata: " + ex.getMessage());
			return new Session(record.id(), record.active(), record.createdAt(), Map.of(), record.agentState(),
					record.metadataVersion(), null, record.agentStateVersion(), record.activeAt(), record.updatedAt());
		}
	}

	Machine machine(MachineRecord record) {
		RecordKey key = key(record);
		Map<String, Object> daemonState = (record.daemonState() != null) ? object(key, record.daemonState()) : null;
		return new Machine(record.id(), record.active(), object(key, record.metadata()), daemonState, record.activeAt(),
				record.createdAt());
	}

	Machine machineOrBlank(MachineRecord record) {
		try {
			return machine(record);
		}
		catch (HappyEncryptionException ex) {
			logger.info("Listing machine " + record.id() + " without metadata: " + ex.getMessage());
			return new Machine(record.id(), record.active(), Map.of(), null, record.activeAt(), record.createdAt());
		}
	}

	Message message(RecordKey key, MessageRecord record) {
		return new Message(record.id(), record.seq(), object(key, record.content().c()), record.createdAt());
	}

	/**
	 * All messages of a session, decrypted, in seq order (spec §8.3).
	 * @param sessionId the session
	 * @return the messages; a {@link SessionNotFoundException} when unknown
	 */
	Mono<List<Message>> messages(String sessionId) {
		return require(sessionId).flatMap((record) -> {
			RecordKey key = key(record);
			return messagesAfter(sessionId, 0).map((message) -> message(key, message))
				.collectSortedList((a, b) -> Long.compare(a.seq(), b.seq()));
		});
	}

	/**
	 * All messages of a session after a seq, paging v3 until the end (spec §8.3).
	 * @param sessionId the session
	 * @param afterSeq the seq to start after
	 * @return the message records in seq order
	 */
	Flux<MessageRecord> messagesAfter(String sessionId, long afterSeq) {
		return this.rest.messagesAfter(sessionId, afterSeq, MESSAGE_PAGE)
			.expand((
					page) -> (page.hasMore() && lastSeq(page) > afterSeq)
							? this.rest.messagesAfter(sessionId, lastSeq(page), MESSAGE_PAGE)
								.filter((next) -> next.messages().isEmpty() || lastSeq(next) > lastSeq(page))
							: Mono.empty())
			.concatMapIterable((page) -> page.messages());
	}

	/**
	 * Messages of a session before a seq, newest first, paging back to the start.
	 * @param sessionId the session
	 * @param beforeSeq the seq to start before
	 * @return the message records, newest first
	 */
	Flux<MessageRecord> messagesBefore(String sessionId, long beforeSeq) {
		return this.rest.messagesBefore(sessionId, beforeSeq, 100)
			.expand((
					page) -> (page.hasMore() && !page.messages().isEmpty() && lastSeq(page) < beforeSeq)
							? this.rest.messagesBefore(sessionId, lastSeq(page), 100)
								.filter((next) -> next.messages().isEmpty() || lastSeq(next) < lastSeq(page))
							: Mono.empty())
			.concatMapIterable((page) -> page.messages());
	}

	Map<String, Object> object(RecordKey key, String encrypted) {
		Map<String, @Nullable Object> value = counted(() -> key.openObject(encrypted));
		return value;
	}

	private <T> T counted(Supplier<T> decryption) {
		try {
			return decryption.get();
		}
		catch (HappyEncryptionException ex) {
			this.metrics.decryptFailed();
			throw ex;
		}
	}

	/** The seq of a page's last message, or {@code Long.MIN_VALUE} when it has none. */
	private static long lastSeq(MessagePage page) {
		List<MessageRecord> messages = page.messages();
		return messages.isEmpty() ? Long.MIN_VALUE : messages.get(messages.size() - 1).seq();
	}

	private static @Nullable SessionRecord byId(List<SessionRecord> sessions, String sessionId) {
		for (SessionRecord record : sessions) {
			if (record.id().equals(sessionId)) {
				return record;
			}
		}
		return null;
	}

	/**
	 * A page of sessions and the cursor it was asked with.
	 *
	 * @param cursor the cursor, or {@code null} for the first page
	 * @param page the page
	 */
	private record CursorPage(@Nullable String cursor, SessionPage page) {

	}

}
