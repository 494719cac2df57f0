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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.SharedSecret;
import io.github.agentprotocols.hpp.wire.PythonTruthiness;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * State of one handshake session: credentials, the schema and values of the form, who
 * owns each field, the change log, the idle time-to-live and the agent's request budget.
 * <p>
 * Not thread-safe: a {@link SessionStore} hands a session to one mutation at a time.
 * {@link CreateSessionHook}s change the new session itself; every other hook gets a
 * {@link #copy}, so what it changes is not kept.
 */
public final class HandshakeSession {

	/** How many change-log entries are retained. */
	public static final int RETAINED_CHANGES = ChangeLog.RETAINED;

	private final String id;

	private final String token;

	/**
	 * The token's digest, made at the first comparison: a session read from a store that
	 * compares tokens itself (Redis scripts do) never needs it.
	 */
	private @Nullable SharedSecret secret;

	private final JsonNode mode;

	private ArrayNode schema;

	private ObjectNode meta;

	private @Nullable String owner;

	private final Instant createdAt;

	private final SessionLifetime lifetime;

	private final Map<String, FieldValue> fields;

	private final ChangeLog changes;

	private final RequestWindow requests;

	private final RequestWindow extensions;

	/**
	 * Restores a session from all of its state; {@link #open} creates new ones.
	 * @param id the session id
	 * @param token the handshake token
	 * @param mode the mode, any JSON
	 * @param schema the field definitions, verbatim
	 * @param meta application metadata
	 * @param owner the principal the session is bound to, or null
	 * @param createdAt the creation time
	 * @param deadline the end of the absolute lifetime
	 * @param ttl the idle time-to-live
	 * @param lastTouch the last refresh of the idle timer
	 * @param lastStamp the last timestamp handed out for a change
	 * @param fields field values in insertion order
	 * @param changes the change log, oldest first; only the newest
	 * {@value #RETAINED_CHANGES} are kept
	 * @param requests the agent's request budget window
	 * @param extensions the extend budget window
	 */
	public HandshakeSession(String id, String token, JsonNode mode, ArrayNode schema, ObjectNode meta,
			@Nullable String owner, Instant createdAt, Instant deadline, Duration ttl, Instant lastTouch,
			Instant lastStamp, Map<String, FieldValue> fields, Collection<Change> changes, RequestWindow requests,
			RequestWindow extensions) {
		this(id, token, null, mode, schema, meta, owner, createdAt, new SessionLifetime(deadline, ttl, lastTouch),
				new LinkedHashMap<>(fields), new ChangeLog(changes, lastStamp), requests, extensions);
	}

	private HandshakeSession(String id, String token, @Nullable SharedSecret secret, JsonNode mode, ArrayNode schema,
			ObjectNode meta, @Nullable String owner, Instant createdAt, SessionLifetime lifetime,
			Map<String, FieldValue> fields, ChangeLog changes, RequestWindow requests, RequestWindow extensions) {
		this.id = id;
		this.token = token;
		this.secret = secret;
		this.mode = mode;
		this.schema = schema;
		this.meta = meta;
		this.owner = owner;
		this.createdAt = createdAt;
		this.lifetime = lifetime;
		this.fields = fields;
		this.changes = changes;
		this.requests = requests;
		this.extensions = extensions;
	}

	/**
	 * Opens a new session. Each key of the initial context becomes a field owned by
	 * {@code empty} (for an empty value) or {@code user}.
	 * @param id the session id
	 * @param token the handshake token
	 * @param mode the mode
	 * @param schema the field definitions
	 * @param meta application metadata
	 * @param context the initial values
	 * @param ttl the idle time-to-live
	 * @param maxLifetime the absolute lifetime
	 * @param now the creation time
	 * @return the session
	 */
	public static HandshakeSession open(String id, String token, JsonNode mode, ArrayNode schema, ObjectNode meta,
			ObjectNode context, Duration ttl, Duration maxLifetime, Instant now) {
		Instant created = now.truncatedTo(ChronoUnit.MICROS);
		Map<String, FieldValue> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : context.properties()) {
			FieldOwner by = PythonTruthiness.isEmpty(entry.getValue()) ? FieldOwner.EMPTY : FieldOwner.USER;
			fields.put(entry.getKey(), new FieldValue(entry.getValue(), by, created));
		}
		return new HandshakeSession(id, token, mode, schema, meta, null, created, now.plus(maxLifetime), ttl, now,
				created, fields, List.of(), new RequestWindow(), new RequestWindow());
	}

	/**
	 * Return the session id.
	 * @return the id
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Return the secret token of the session, which the agent sends with every request.
	 * @return the token
	 */
	public String getToken() {
		return this.token;
	}

	/**
	 * Return the mode the session was created with.
	 * @return the mode as JSON
	 */
	public JsonNode getMode() {
		return this.mode;
	}

	/**
	 * The mode as text, as it appears in the prompt.
	 * @return the mode string, or its JSON text when it is not a string
	 */
	public String getModeText() {
		return this.mode.isString() ? this.mode.stringValue() : this.mode.toString();
	}

	/**
	 * The field definitions. Sessions created with equal schemas share one instance once
	 * their {@link CreateSessionHook}s have run: read it, do not change it.
	 * @return the schema
	 */
	public ArrayNode getSchema() {
		return this.schema;
	}

	/**
	 * Replaces the schema with the equal instance other sessions hold, if any.
	 * @param schemas the schemas held
	 */
	void shareSchema(SharedSchemas schemas) {
		this.schema = schemas.share(this.schema);
	}

	/**
	 * Return the application's metadata of the session.
	 * @return the metadata
	 */
	public ObjectNode getMeta() {
		return this.meta;
	}

	/**
	 * Set the application's metadata of the session.
	 * @param meta the metadata
	 */
	public void setMeta(ObjectNode meta) {
		this.meta = meta;
	}

	/**
	 * The principal the session is bound to: by default the name of the principal that
	 * created it; create hooks may change it. When set, user edits are accepted only from
	 * that principal.
	 * @return the owner, or null for an anonymous session
	 */
	public @Nullable String getOwner() {
		return this.owner;
	}

	/**
	 * Set the principal the session is bound to.
	 * @param owner the owner, or {@code null} for an anonymous session
	 */
	public void setOwner(@Nullable String owner) {
		this.owner = owner;
	}

	/**
	 * Return the creation time.
	 * @return the instant the session was created
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Return the time after which the session expires, its absolute lifetime included.
	 * @return the deadline
	 */
	public Instant getDeadline() {
		return this.lifetime.deadline();
	}

	/**
	 * Return the idle time-to-live of the session.
	 * @return the time-to-live
	 */
	public Duration getTtl() {
		return this.lifetime.ttl();
	}

	/**
	 * Return the time of the last authenticated request.
	 * @return the last touch
	 */
	public Instant getLastTouch() {
		return this.lifetime.lastTouch();
	}

	/**
	 * The instant of the newest change, or the creation time when there is none.
	 * @return the last timestamp handed out for a change
	 */
	public Instant getLastStamp() {
		return this.changes.lastStamp();
	}

	/**
	 * Return the current value of every field, by field name.
	 * @return the field values
	 */
	public Map<String, FieldValue> getFields() {
		return this.fields;
	}

	/**
	 * The retained change log; changing the returned deque does not change the session.
	 * @return a copy of the change log, oldest first
	 */
	public Deque<Change> getChanges() {
		return new ArrayDeque<>(this.changes.recent(RETAINED_CHANGES));
	}

	/**
	 * Return the window of the agent's recent requests, for its rate limit.
	 * @return the request window
	 */
	public RequestWindow getRequests() {
		return this.requests;
	}

	/**
	 * Return the window of the agent's recent extensions, for its rate limit.
	 * @return the extension window
	 */
	public RequestWindow getExtensions() {
		return this.extensions;
	}

	/**
	 * Whether the session is over: idle for longer than its TTL, or past its absolute
	 * lifetime.
	 * @param now the current time
	 * @return true if expired
	 */
	public boolean isExpired(Instant now) {
		return this.lifetime.isExpired(now);
	}

	/**
	 * Whole seconds left before the session expires, never negative.
	 * @param now the current time
	 * @return the remaining seconds
	 */
	public long expiresIn(Instant now) {
		return this.lifetime.expiresIn(now);
	}

	/**
	 * Refreshes the idle timer.
	 * @param now the current time
	 */
	public void touch(Instant now) {
		this.lifetime.touch(now);
	}

	/**
	 * Compares a presented token with the session's in constant time.
	 * @param presented the presented token, or null
	 * @return whether it matches
	 */
	public boolean tokenMatches(@Nullable String presented) {
		SharedSecret secret = this.secret;
		if (secret == null) {
			secret = new SharedSecret(this.token);
			this.secret = secret;
		}
		return secret.matches(presented);
	}

	/**
	 * Grows the idle time-to-live permanently and refreshes the idle timer.
	 * @param seconds the seconds to add
	 * @param now the current time
	 */
	public void extend(long seconds, Instant now) {
		this.lifetime.extend(seconds, now);
	}

	/**
	 * Extends the idle time-to-live by the requested seconds as far as the absolute
	 * lifetime leaves room for it.
	 * @param seconds the seconds requested
	 * @param now the current time
	 * @return the seconds granted, or 0 when no room is left (nothing changed)
	 */
	long extendWithinLifetime(long seconds, Instant now) {
		return this.lifetime.extendWithinDeadline(seconds, now);
	}

	/**
	 * Writes a field value on behalf of the agent or the user, applying the ownership
	 * rules: the agent cannot overwrite user-owned fields, a user edit of an agent value
	 * becomes {@code user_edit}.
	 * @param key the field key
	 * @param value the value
	 * @param source {@link FieldOwner#AI} or {@link FieldOwner#USER}
	 * @param policy limits and options of the write
	 * @param now the current time
	 * @return the outcome
	 */
	public WriteOutcome write(String key, JsonNode value, FieldOwner source, WritePolicy policy, Instant now) {
		FieldValue current = this.fields.get(key);
		FieldOwner currentOwner = (current != null) ? current.by() : FieldOwner.EMPTY;
		if (source == FieldOwner.AI && currentOwner.protectsFromAgent()) {
			return WriteOutcome.REFUSED;
		}
		if (current == null && this.fields.size() >= policy.maxFields()) {
			return WriteOutcome.FIELD_LIMIT;
		}
		FieldOwner by = source;
		if (source == FieldOwner.USER && policy.clearedFieldsBecomeEmpty() && PythonTruthiness.isEmpty(value)) {
			by = FieldOwner.EMPTY;
		}
		else if (source == FieldOwner.USER && currentOwner == FieldOwner.AI) {
			by = FieldOwner.USER_EDIT;
		}
		JsonNode from = (current != null) ? current.value() : JsonNodeFactory.instance.nullNode();
		Change change = this.changes.record(key, from, value, by, now);
		this.fields.put(key, new FieldValue(value, by, change.at()));
		touch(now);
		return WriteOutcome.WRITTEN;
	}

	/**
	 * Keys of required schema fields (in schema order) whose value is empty. A field is
	 * required when its {@code required} property is JSON {@code true}.
	 * @return the missing keys
	 */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		for (JsonNode field : this.schema) {
			JsonNode key = field.get("key");
			if (key != null && key.isString() && field.path("required").isBoolean()
					&& field.path("required").booleanValue()) {
				FieldValue value = this.fields.get(key.stringValue());
				if (value == null || PythonTruthiness.isEmpty(value.value())) {
					missing.add(key.stringValue());
				}
			}
		}
		return missing;
	}

	/**
	 * The newest change-log entries.
	 * @param limit how many at most
	 * @return the entries, oldest first
	 */
	public List<Change> recentChanges(int limit) {
		return this.changes.recent(limit);
	}

	/**
	 * All retained change-log entries made strictly after an instant.
	 * @param since the instant
	 * @return the entries, oldest first
	 */
	public List<Change> changesAfter(Instant since) {
		return this.changes.after(since);
	}

	/**
	 * A copy, as handed to hooks: nothing changed through the copy reaches this session,
	 * nor the other way round. Field values and change-log entries cannot be changed
	 * through their API and are shared.
	 * @return the copy
	 */
	public HandshakeSession copy() {
		return new HandshakeSession(this.id, this.token, this.secret, this.mode.deepCopy(), this.schema.deepCopy(),
				this.meta.deepCopy(), this.owner, this.createdAt, this.lifetime.copy(),
				new LinkedHashMap<>(this.fields), this.changes.copy(), this.requests.copy(), this.extensions.copy());
	}

	/**
	 * A copy to read outside the store's update, as {@link #copy} but sharing this
	 * session's mode, schema and metadata, which the engine never changes in place once
	 * the session is stored. Only for the engine's own reading, never for hooks.
	 * @return the view
	 */
	HandshakeSession view() {
		return new HandshakeSession(this.id, this.token, this.secret, this.mode, this.schema, this.meta, this.owner,
				this.createdAt, this.lifetime.copy(), new LinkedHashMap<>(this.fields), this.changes.copy(),
				this.requests.copy(), this.extensions.copy());
	}

	/**
	 * Outcome of {@link #write}.
	 */
	public enum WriteOutcome {

		/** The value was stored and logged. */
		WRITTEN,

		/** The agent tried to overwrite a user-owned field; nothing changed. */
		REFUSED,

		/** The session already holds the maximum number of fields; nothing changed. */
		FIELD_LIMIT

	}

	/**
	 * Limits and options of a field write.
	 *
	 * @param maxFields the maximum number of fields a session may hold
	 * @param clearedFieldsBecomeEmpty whether a user edit to an empty value releases the
	 * field (owner {@code empty}) instead of locking it against the agent
	 */
	public record WritePolicy(int maxFields, boolean clearedFieldsBecomeEmpty) {

	}

}
