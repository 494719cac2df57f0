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

package io.github.agentprotocols.happy.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.happy.test.FakeHappyFaults.MetadataRace;
import org.jspecify.annotations.Nullable;

/**
 * The sessions and their messages, with the server's rules (spec §4.1–§4.9, §5.4, §9.1):
 * versioned metadata and agent state, per-session message seqs, liveness from heartbeats
 * and the inactivity sweep. Every change is broadcast as the server does.
 */
final class Sessions {

	static final Duration ACTIVE_WINDOW = Duration.ofMinutes(15);

	static final Duration INACTIVITY_TIMEOUT = Duration.ofMinutes(10);

	static final Duration HEARTBEAT_SUPPRESSION = Duration.ofSeconds(60);

	private static final int RECENT_LIMIT = 150;

	private final Map<String, SessionEntry> sessions = new LinkedHashMap<>();

	private final Map<String, HeldMessage> held = new LinkedHashMap<>();

	private final Clock clock;

	private final Ids ids;

	private final Broadcasts broadcasts;

	private final FakeHappyFaults faults;

	Sessions(Clock clock, Ids ids, Broadcasts broadcasts, FakeHappyFaults faults) {
		this.clock = clock;
		this.ids = ids;
		this.broadcasts = broadcasts;
		this.faults = faults;
	}

	/**
	 * The 150 most recently updated sessions of an account, newest first.
	 */
	synchronized List<Map<String, @Nullable Object>> recent(String accountId) {
		return ofAccount(accountId)
			.sorted(Comparator.comparingLong((SessionEntry session) -> session.updatedAt)
				.reversed()
				.thenComparing((SessionEntry session) -> session.id, Comparator.reverseOrder()))
			.limit(RECENT_LIMIT)
			.map((session) -> session.toJson(true))
			.toList();
	}

	/**
	 * A page of the account's sessions by id, descending.
	 * @param beforeId the id of the cursor, or {@code null} for the first page
	 * @param limit the page size
	 * @param changedSince only sessions updated after this time, or {@code null}
	 */
	synchronized Map<String, @Nullable Object> page(String accountId, @Nullable String beforeId, int limit,
			@Nullable Long changedSince) {
		List<SessionEntry> matching = ofAccount(accountId)
			.filter((session) -> beforeId == null || session.id.compareTo(beforeId) < 0)
			.filter((session) -> changedSince == null || session.updatedAt > changedSince)
			.sorted(Comparator.comparing((SessionEntry session) -> session.id).reversed())
			.limit(limit + 1L)
			.toList();
		boolean hasNext = matching.size() > limit;
		List<SessionEntry> page = hasNext ? matching.subList(0, limit) : matching;
		String nextCursor = (hasNext) ? "cursor_v1_" + page.get(page.size() - 1).id : null;
		return Json.object("sessions", page.stream().map((session) -> session.toJson(false)).toList(), "nextCursor",
				nextCursor, "hasNext", hasNext);
	}

	/**
	 * The account's active sessions with a heartbeat in the last 15 minutes, by
	 * {@code activeAt} descending.
	 */
	synchronized List<Map<String, @Nullable Object>> active(String accountId, int limit) {
		long since = this.clock.millis() - ACTIVE_WINDOW.toMillis();
		return ofAccount(accountId).filter((session) -> session.active && session.activeAt > since)
			.sorted(Comparator.comparingLong((SessionEntry session) -> session.activeAt).reversed())
			.limit(limit)
			.map((session) -> session.toJson(false))
			.toList();
	}

	/**
	 * The session with the tag, created if there is none (spec §4.6); the agent state of
	 * the request is ignored, as the server does.
	 */
	synchronized Map<String, @Nullable Object> createOrLoad(String accountId, String tag, String metadata,
			@Nullable String dataEncryptionKey) {
		for (SessionEntry session : this.sessions.values()) {
			if (session.accountId.equals(accountId) && session.tag.equals(tag)) {
				session.heartbeatsIgnoredUntil = 0;
				return session.toJson(true);
			}
		}
		long now = this.clock.millis();
		SessionEntry session = new SessionEntry(this.ids.cuid(now), accountId, tag, metadata, dataEncryptionKey, now);
		this.sessions.put(session.id, session);
		this.broadcasts.update(accountId, Recipients.userScoped(), session.toNewSessionBody());
		return session.toJson(true);
	}

	/**
	 * Mark a session inactive (spec §4.8).
	 * @return whether the account has the session
	 */
	synchronized boolean archive(String accountId, String sessionId) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return false;
		}
		long now = this.clock.millis();
		stop(session, now, now);
		return true;
	}

	/**
	 * Delete a session and its messages (spec §4.9).
	 * @return whether the account had the session
	 */
	synchronized boolean delete(String accountId, String sessionId) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return false;
		}
		this.sessions.remove(sessionId);
		this.broadcasts.update(accountId, Recipients.userScoped(),
				Json.object("t", "delete-session", "sid", sessionId));
		return true;
	}

	/**
	 * Messages with a seq above {@code afterSeq}, ascending, or below {@code beforeSeq},
	 * descending (spec §4.7).
	 * @return the page, or {@code null} if the account has no such session
	 */
	synchronized @Nullable Map<String, @Nullable Object> messages(String accountId, String sessionId,
			@Nullable Long afterSeq, @Nullable Long beforeSeq, int limit) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return null;
		}
		List<MessageEntry> matching = new ArrayList<>();
		if (beforeSeq != null) {
			for (int i = session.messages.size() - 1; i >= 0 && matching.size() <= limit; i--) {
				if (session.messages.get(i).seq() < beforeSeq) {
					matching.add(session.messages.get(i));
				}
			}
		}
		else {
			long after = (afterSeq != null) ? afterSeq : 0;
			for (int i = 0; i < session.messages.size() && matching.size() <= limit; i++) {
				if (session.messages.get(i).seq() > after) {
					matching.add(session.messages.get(i));
				}
			}
		}
		boolean hasMore = matching.size() > limit;
		List<MessageEntry> page = hasMore ? matching.subList(0, limit) : matching;
		return Json.object("messages", page.stream().map(MessageEntry::toJson).toList(), "hasMore", hasMore);
	}

	/**
	 * The 150 newest messages, newest first (the legacy v1 listing).
	 * @return the messages, or {@code null} if the account has no such session
	 */
	synchronized @Nullable List<Map<String, @Nullable Object>> latestMessages(String accountId, String sessionId) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return null;
		}
		List<Map<String, @Nullable Object>> latest = new ArrayList<>();
		for (int i = session.messages.size() - 1; i >= 0 && latest.size() < RECENT_LIMIT; i--) {
			latest.add(session.messages.get(i).toJson());
		}
		return latest;
	}

	/**
	 * Store messages posted over REST, idempotently per local id, and broadcast each new
	 * one to the session's sockets and the user-scoped ones, the poster's included.
	 * @param messages local id to encrypted content, in request order
	 * @return the stored rows sorted by seq, or {@code null} if the account has no such
	 * session
	 */
	synchronized @Nullable List<Map<String, @Nullable Object>> post(String accountId, String sessionId,
			Map<String, String> messages) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return null;
		}
		List<MessageEntry> rows = new ArrayList<>();
		List<MessageEntry> created = new ArrayList<>();
		messages.forEach((localId, content) -> {
			MessageEntry existing = session.messagesByLocalId.get(localId);
			if (existing != null) {
				rows.add(existing);
			}
			else {
				MessageEntry message = store(session, content, localId);
				rows.add(message);
				created.add(message);
			}
		});
		releaseHeldMessage(sessionId);
		created.forEach((message) -> this.broadcasts.update(accountId, Recipients.session(sessionId),
				Json.object("t", "new-message", "sid", sessionId, "message", message.toJson())));
		return rows.stream().sorted(Comparator.comparingLong(MessageEntry::seq)).map(MessageEntry::toSentJson).toList();
	}

	/**
	 * Store a message sent over the socket: no answer, unknown sessions dropped, and the
	 * sender's socket not told. As the server, a seq is taken before the duplicate check,
	 * so a repeated local id leaves a gap.
	 */
	synchronized void receive(String accountId, String sessionId, String content, @Nullable String localId,
			UUID sender) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return;
		}
		if (localId != null && session.messagesByLocalId.containsKey(localId)) {
			session.seq++;
			return;
		}
		MessageEntry message = store(session, content, localId);
		Map<String, @Nullable Object> body = Json.object("t", "new-message", "sid", sessionId, "message",
				message.toJson());
		releaseHeldMessage(sessionId);
		if (this.faults.agentStateBeforeMessage(sessionId)) {
			this.held.put(sessionId, new HeldMessage(accountId, body, sender));
		}
		else {
			this.broadcasts.update(accountId, Recipients.session(sessionId), body, sender);
		}
	}

	/**
	 * Broadcast the message held back for the agent state to overtake, if any.
	 */
	synchronized void releaseHeldMessage(String sessionId) {
		HeldMessage message = this.held.remove(sessionId);
		if (message != null) {
			this.broadcasts.update(message.accountId(), Recipients.session(sessionId), message.body(),
					message.sender());
		}
	}

	/**
	 * Broadcast every message held back for an agent state to overtake.
	 */
	synchronized void releaseHeldMessages() {
		List.copyOf(this.held.keySet()).forEach(this::releaseHeldMessage);
	}

	/**
	 * Apply {@code update-metadata} (spec §5.4).
	 * @return the ack, or {@code null} for none (unknown or foreign session)
	 */
	synchronized @Nullable Map<String, @Nullable Object> updateMetadata(String accountId, String sessionId,
			String metadata, long expectedVersion) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return null;
		}
		MetadataRace race = this.faults.takeMetadataRace(sessionId);
		if (race != null) {
			writeMetadata(session, (race.metadata() != null) ? race.metadata() : session.metadata);
		}
		if (session.metadataVersion != expectedVersion) {
			return Json.object("result", "version-mismatch", "version", session.metadataVersion, "metadata",
					session.metadata);
		}
		writeMetadata(session, metadata);
		return Json.object("result", "success", "version", session.metadataVersion, "metadata", metadata);
	}

	private void writeMetadata(SessionEntry session, String metadata) {
		session.metadata = metadata;
		session.metadataVersion++;
		session.updatedAt = this.clock.millis();
		this.broadcasts.update(session.accountId, Recipients.session(session.id), Json.object("t", "update-session",
				"id", session.id, "metadata", Json.object("value", metadata, "version", session.metadataVersion)));
	}

	/**
	 * Apply {@code update-state}: like metadata, but an unknown session is answered
	 * {@code error}, as the server does.
	 * @return the ack
	 */
	synchronized Map<String, @Nullable Object> updateState(String accountId, String sessionId,
			@Nullable String agentState, long expectedVersion) {
		SessionEntry session = find(accountId, sessionId);
		if (session == null) {
			return Json.object("result", "error");
		}
		if (session.agentStateVersion != expectedVersion) {
			return Json.object("result", "version-mismatch", "version", session.agentStateVersion, "agentState",
					session.agentState);
		}
		session.agentState = agentState;
		session.agentStateVersion++;
		session.updatedAt = this.clock.millis();
		this.broadcasts.update(accountId, Recipients.session(sessionId), Json.object("t", "update-session", "id",
				sessionId, "agentState", Json.object("value", agentState, "version", session.agentStateVersion)));
		releaseHeldMessage(sessionId);
		return Json.object("result", "success", "version", session.agentStateVersion, "agentState", agentState);
	}

	/**
	 * A heartbeat ({@code session-alive}): the session is active again, unless it was
	 * stopped less than 60 s ago, and the user-scoped sockets get an {@code activity}.
	 */
	synchronized void alive(String accountId, String sessionId, long time, boolean thinking) {
		releaseHeldMessage(sessionId);
		long now = this.clock.millis();
		long at = Math.min(time, now);
		SessionEntry session = find(accountId, sessionId);
		if (at < now - INACTIVITY_TIMEOUT.toMillis() || session == null || now < session.heartbeatsIgnoredUntil) {
			return;
		}
		session.active = true;
		session.activeAt = at;
		this.broadcasts.ephemeral(accountId, Recipients.userScoped(), activity(sessionId, true, at, thinking));
	}

	/**
	 * {@code session-end}: inactive at the given time (clamped to now; older than 10
	 * minutes ignored), heartbeats ignored for 60 s.
	 */
	synchronized void end(String accountId, String sessionId, long time) {
		releaseHeldMessage(sessionId);
		long now = this.clock.millis();
		long at = Math.min(time, now);
		SessionEntry session = find(accountId, sessionId);
		if (at < now - INACTIVITY_TIMEOUT.toMillis() || session == null) {
			return;
		}
		stop(session, at, now);
	}

	/**
	 * The inactivity sweep: sessions without a heartbeat for 10 minutes become inactive.
	 */
	synchronized void sweep() {
		long deadline = this.clock.millis() - INACTIVITY_TIMEOUT.toMillis();
		for (SessionEntry session : this.sessions.values()) {
			if (session.active && session.activeAt <= deadline) {
				session.active = false;
				this.broadcasts.ephemeral(session.accountId, Recipients.userScoped(),
						activity(session.id, false, session.activeAt, false));
			}
		}
	}

	synchronized boolean exists(String accountId, String sessionId) {
		return find(accountId, sessionId) != null;
	}

	private void stop(SessionEntry session, long at, long now) {
		session.active = false;
		session.activeAt = at;
		session.heartbeatsIgnoredUntil = now + HEARTBEAT_SUPPRESSION.toMillis();
		this.broadcasts.ephemeral(session.accountId, Recipients.userScoped(), activity(session.id, false, at, false));
	}

	private MessageEntry store(SessionEntry session, String content, @Nullable String localId) {
		long now = this.clock.millis();
		session.seq++;
		session.updatedAt = now;
		MessageEntry message = new MessageEntry(this.ids.cuid(now), session.seq, content, localId, now, now);
		session.messages.add(message);
		if (localId != null) {
			session.messagesByLocalId.put(localId, message);
		}
		return message;
	}

	private @Nullable SessionEntry find(String accountId, String sessionId) {
		SessionEntry session = this.sessions.get(sessionId);
		return (session != null && session.accountId.equals(accountId)) ? session : null;
	}

	private java.util.stream.Stream<SessionEntry> ofAccount(String accountId) {
		return this.sessions.values().stream().filter((session) -> session.accountId.equals(accountId));
	}

	/**
	 * A {@code new-message} held back until its sender's next event.
	 */
	private record HeldMessage(String accountId, Map<String, @Nullable Object> body, UUID sender) {

	}

	private static Map<String, @Nullable Object> activity(String sessionId, boolean active, long activeAt,
			boolean thinking) {
		return Json.object("type", "activity", "id", sessionId, "active", active, "activeAt", activeAt, "thinking",
				thinking);
	}

}
