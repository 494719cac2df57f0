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

package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Handshake Prompt Protocol starter, bound under
 * {@code hpp}.
 */
@ConfigurationProperties("hpp")
public class HppProperties {

	/**
	 * Whether the Handshake Prompt Protocol starter is active. Set to false to back the
	 * whole starter off.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of the HTTP endpoints. The agent command line always calls
	 * baseUrl/handshake/..., so keep the default unless agents get a base URL that
	 * compensates.
	 */
	private String prefix = "/handshake";

	/**
	 * Prefix of the WebSocket endpoint.
	 */
	private String wsPrefix = "/ws/handshake";

	/**
	 * Path prepended to the URLs returned to the browser when the application is served
	 * under a path. Defaults to spring.webflux.base-path.
	 */
	private @Nullable String advertisedPathPrefix;

	/**
	 * Idle time-to-live of a session, refreshed by every authenticated request. Seconds
	 * if no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration ttl = Duration.ofSeconds(1800);

	/**
	 * Absolute lifetime of a session from its creation; extensions never go beyond it.
	 * Seconds if no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxLifetime = Duration.ofHours(24);

	/**
	 * Agent requests (context, action, diff) allowed per session in a sliding minute.
	 */
	private int rateLimitPerMinute = 60;

	/**
	 * Extension requests allowed per session in a sliding minute.
	 */
	private int extendRateLimitPerMinute = 10;

	/**
	 * Interval of the task that removes expired sessions and closes their WebSocket
	 * connections. Seconds if no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration cleanupInterval = Duration.ofSeconds(300);

	/**
	 * Longest time a WebSocket connection goes without a message before the server sends
	 * a heartbeat. Keep it below the read timeout of proxies in front of the application.
	 * Seconds if no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration heartbeatInterval = Duration.ofSeconds(25);

	/**
	 * Time zone of the timestamps in field values and the change log.
	 */
	private ZoneId timeZone = ZoneId.of("UTC");

	/**
	 * Whether user edits (notify endpoint and WebSocket userEdit messages) of a session
	 * with an owner (the authenticated user who created it, or one a CreateSessionHook
	 * set) are accepted only from its owner, and from the application's own origin or an
	 * allowed origin.
	 */
	private boolean bindUserEditsToOwner = true;

	/**
	 * Whether creating a session requires an owner: an authenticated principal, or one a
	 * CreateSessionHook sets. Anonymous requests then answer 401.
	 */
	private boolean requireOwner = false;

	/**
	 * Whether a user edit that empties a field hands the field back to the agent instead
	 * of locking it.
	 */
	private boolean clearedFieldsBecomeEmpty = false;

	/**
	 * Origins, besides the application's own, of pages allowed to create sessions and
	 * report user edits, for example https://app.example.com. Enables CORS with
	 * credentials for exactly these origins.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Whether WebSocket connections from pages of other origins than the application's
	 * own and the allowed origins are refused (error frame "origin not allowed", then
	 * close 1008). Clients that send no Origin header are always accepted.
	 */
	private boolean checkWebsocketOrigin = true;

	private final Store store = new Store();

	private final Pacing pacing = new Pacing();

	private final Limits limits = new Limits();

	private final BrowserClient browserClient = new BrowserClient();

	/**
	 * Return whether the Handshake Prompt Protocol starter is active
	 * ({@code hpp.enabled}).
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the Handshake Prompt Protocol starter is active ({@code hpp.enabled}).
	 * @param enabled the value to set
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the prefix of the HTTP endpoints ({@code hpp.prefix}).
	 * @return the configured value
	 */
	public String getPrefix() {
		return this.prefix;
	}

	/**
	 * Set the prefix of the HTTP endpoints ({@code hpp.prefix}).
	 * @param prefix the value to set
	 */
	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * Return the prefix of the WebSocket endpoint ({@code hpp.ws-prefix}).
	 * @return the configured value
	 */
	public String getWsPrefix() {
		return this.wsPrefix;
	}

	/**
	 * Set the prefix of the WebSocket endpoint ({@code hpp.ws-prefix}).
	 * @param wsPrefix the value to set
	 */
	public void setWsPrefix(String wsPrefix) {
		this.wsPrefix = wsPrefix;
	}

	/**
	 * Return the path prepended to the URLs returned to the browser when the application
	 * is served under a path ({@code hpp.advertised-path-prefix}).
	 * @return the configured value
	 */
	public @Nullable String getAdvertisedPathPrefix() {
		return this.advertisedPathPrefix;
	}

	/**
	 * Set the path prepended to the URLs returned to the browser when the application is
	 * served under a path ({@code hpp.advertised-path-prefix}).
	 * @param advertisedPathPrefix the value to set
	 */
	public void setAdvertisedPathPrefix(@Nullable String advertisedPathPrefix) {
		this.advertisedPathPrefix = advertisedPathPrefix;
	}

	/**
	 * Return the idle time-to-live of a session, refreshed by every authenticated request
	 * ({@code hpp.ttl}).
	 * @return the configured value
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	/**
	 * Set the idle time-to-live of a session, refreshed by every authenticated request
	 * ({@code hpp.ttl}).
	 * @param ttl the value to set
	 */
	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	/**
	 * Return the absolute lifetime of a session from its creation; extensions never go
	 * beyond it ({@code hpp.max-lifetime}).
	 * @return the configured value
	 */
	public Duration getMaxLifetime() {
		return this.maxLifetime;
	}

	/**
	 * Set the absolute lifetime of a session from its creation; extensions never go
	 * beyond it ({@code hpp.max-lifetime}).
	 * @param maxLifetime the value to set
	 */
	public void setMaxLifetime(Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	/**
	 * Return the agent requests (context, action, diff) allowed per session in a sliding
	 * minute ({@code hpp.rate-limit-per-minute}).
	 * @return the configured value
	 */
	public int getRateLimitPerMinute() {
		return this.rateLimitPerMinute;
	}

	/**
	 * Set the agent requests (context, action, diff) allowed per session in a sliding
	 * minute ({@code hpp.rate-limit-per-minute}).
	 * @param rateLimitPerMinute the value to set
	 */
	public void setRateLimitPerMinute(int rateLimitPerMinute) {
		this.rateLimitPerMinute = rateLimitPerMinute;
	}

	/**
	 * Return the extension requests allowed per session in a sliding minute
	 * ({@code hpp.extend-rate-limit-per-minute}).
	 * @return the configured value
	 */
	public int getExtendRateLimitPerMinute() {
		return this.extendRateLimitPerMinute;
	}

	/**
	 * Set the extension requests allowed per session in a sliding minute
	 * ({@code hpp.extend-rate-limit-per-minute}).
	 * @param extendRateLimitPerMinute the value to set
	 */
	public void setExtendRateLimitPerMinute(int extendRateLimitPerMinute) {
		this.extendRateLimitPerMinute = extendRateLimitPerMinute;
	}

	/**
	 * Return the interval of the task that removes expired sessions and closes their
	 * WebSocket connections ({@code hpp.cleanup-interval}).
	 * @return the configured value
	 */
	public Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	/**
	 * Set the interval of the task that removes expired sessions and closes their
	 * WebSocket connections ({@code hpp.cleanup-interval}).
	 * @param cleanupInterval the value to set
	 */
	public void setCleanupInterval(Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	/**
	 * Return the longest time a WebSocket connection goes without a message before the
	 * server sends a heartbeat ({@code hpp.heartbeat-interval}).
	 * @return the configured value
	 */
	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	/**
	 * Set the longest time a WebSocket connection goes without a message before the
	 * server sends a heartbeat ({@code hpp.heartbeat-interval}).
	 * @param heartbeatInterval the value to set
	 */
	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * Return the time zone of the timestamps in field values and the change log
	 * ({@code hpp.time-zone}).
	 * @return the configured value
	 */
	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	/**
	 * Set the time zone of the timestamps in field values and the change log
	 * ({@code hpp.time-zone}).
	 * @param timeZone the value to set
	 */
	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	/**
	 * Return whether user edits (notify endpoint and WebSocket userEdit messages) of a
	 * session with an owner (the authenticated user who created it, or one a
	 * CreateSessionHook set) are accepted only from its owner, and from the application's
	 * own origin or an allowed origin ({@code hpp.bind-user-edits-to-owner}).
	 * @return the configured value
	 */
	public boolean isBindUserEditsToOwner() {
		return this.bindUserEditsToOwner;
	}

	/**
	 * Set whether user edits (notify endpoint and WebSocket userEdit messages) of a
	 * session with an owner (the authenticated user who created it, or one a
	 * CreateSessionHook set) are accepted only from its owner, and from the application's
	 * own origin or an allowed origin ({@code hpp.bind-user-edits-to-owner}).
	 * @param bindUserEditsToOwner the value to set
	 */
	public void setBindUserEditsToOwner(boolean bindUserEditsToOwner) {
		this.bindUserEditsToOwner = bindUserEditsToOwner;
	}

	/**
	 * Return whether creating a session requires an owner: an authenticated principal, or
	 * one a CreateSessionHook sets ({@code hpp.require-owner}).
	 * @return the configured value
	 */
	public boolean isRequireOwner() {
		return this.requireOwner;
	}

	/**
	 * Set whether creating a session requires an owner: an authenticated principal, or
	 * one a CreateSessionHook sets ({@code hpp.require-owner}).
	 * @param requireOwner the value to set
	 */
	public void setRequireOwner(boolean requireOwner) {
		this.requireOwner = requireOwner;
	}

	/**
	 * Return whether a user edit that empties a field hands the field back to the agent
	 * instead of locking it ({@code hpp.cleared-fields-become-empty}).
	 * @return the configured value
	 */
	public boolean isClearedFieldsBecomeEmpty() {
		return this.clearedFieldsBecomeEmpty;
	}

	/**
	 * Set whether a user edit that empties a field hands the field back to the agent
	 * instead of locking it ({@code hpp.cleared-fields-become-empty}).
	 * @param clearedFieldsBecomeEmpty the value to set
	 */
	public void setClearedFieldsBecomeEmpty(boolean clearedFieldsBecomeEmpty) {
		this.clearedFieldsBecomeEmpty = clearedFieldsBecomeEmpty;
	}

	/**
	 * Return the origins, besides the application's own, of pages allowed to create
	 * sessions and report user edits, for example https://app.example.com
	 * ({@code hpp.allowed-origins}).
	 * @return the configured value
	 */
	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	/**
	 * Set the origins, besides the application's own, of pages allowed to create sessions
	 * and report user edits, for example https://app.example.com
	 * ({@code hpp.allowed-origins}).
	 * @param allowedOrigins the value to set
	 */
	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	/**
	 * Return whether WebSocket connections from pages of other origins than the
	 * application's own and the allowed origins are refused (error frame "origin not
	 * allowed", then close 1008) ({@code hpp.check-websocket-origin}).
	 * @return the configured value
	 */
	public boolean isCheckWebsocketOrigin() {
		return this.checkWebsocketOrigin;
	}

	/**
	 * Set whether WebSocket connections from pages of other origins than the
	 * application's own and the allowed origins are refused (error frame "origin not
	 * allowed", then close 1008) ({@code hpp.check-websocket-origin}).
	 * @param checkWebsocketOrigin the value to set
	 */
	public void setCheckWebsocketOrigin(boolean checkWebsocketOrigin) {
		this.checkWebsocketOrigin = checkWebsocketOrigin;
	}

	/**
	 * Return the properties under {@code hpp.store}.
	 * @return the properties
	 */
	public Store getStore() {
		return this.store;
	}

	/**
	 * Return the properties under {@code hpp.pacing}.
	 * @return the properties
	 */
	public Pacing getPacing() {
		return this.pacing;
	}

	/**
	 * Return the properties under {@code hpp.limits}.
	 * @return the properties
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * Return the properties under {@code hpp.browser-client}.
	 * @return the properties
	 */
	public BrowserClient getBrowserClient() {
		return this.browserClient;
	}

	/**
	 * Where sessions are kept.
	 */
	public enum StoreType {

		/**
		 * In the application's memory, bounded by hpp.limits.max-sessions; for a single
		 * instance.
		 */
		MEMORY,

		/**
		 * In Redis (Spring Data Redis reactive), shared by every instance of the
		 * application, which also relay WebSocket events to each other through Redis
		 * pub/sub.
		 */
		REDIS

	}

	/**
	 * Where sessions, their events and their paced delivery are kept. The Redis
	 * connection itself is Spring Boot's, configured with spring.data.redis.*.
	 */
	public static class Store {

		/**
		 * Where sessions are kept.
		 */
		private StoreType type = StoreType.MEMORY;

		/**
		 * Prefix of every Redis key and pub/sub channel of the starter (type redis). Give
		 * applications that share a Redis server different prefixes. No braces: the
		 * starter puts a hash tag per bucket of sessions after it itself.
		 */
		private String keyPrefix = "hpp:";

		/**
		 * How long a request waits for Redis at most (type redis) before it is answered
		 * 503 to retry, whatever the connection's command timeout
		 * (spring.data.redis.timeout); also how long a WebSocket connection waits for its
		 * subscription.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Return where sessions are kept ({@code hpp.store.type}).
		 * @return the configured value
		 */
		public StoreType getType() {
			return this.type;
		}

		/**
		 * Set where sessions are kept ({@code hpp.store.type}).
		 * @param type the value to set
		 */
		public void setType(StoreType type) {
			this.type = type;
		}

		/**
		 * Return the prefix of every Redis key and pub/sub channel of the starter (type
		 * redis) ({@code hpp.store.key-prefix}).
		 * @return the configured value
		 */
		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		/**
		 * Set the prefix of every Redis key and pub/sub channel of the starter (type
		 * redis) ({@code hpp.store.key-prefix}).
		 * @param keyPrefix the value to set
		 */
		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		/**
		 * Return how long a request waits for Redis at most (type redis)
		 * ({@code hpp.store.timeout}).
		 * @return the configured value
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set how long a request waits for Redis at most (type redis)
		 * ({@code hpp.store.timeout}).
		 * @param timeout the value to set
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Bounds of the paced delivery of action events to the browser.
	 */
	public static class Pacing {

		/**
		 * Longest pause after one action event; the agent's intervalMs is clamped to it.
		 */
		private Duration maxInterval = Duration.ofSeconds(2);

		/**
		 * Longest total pacing of one action batch; pauses shrink to fit.
		 */
		private Duration maxBatch = Duration.ofSeconds(30);

		/**
		 * Action batches of one session that may wait behind the one being delivered; an
		 * action request beyond them is answered 429 with nothing applied.
		 */
		private int maxQueuedBatches = 100;

		/**
		 * Return the longest pause after one action event; the agent's intervalMs is
		 * clamped to it ({@code hpp.pacing.max-interval}).
		 * @return the configured value
		 */
		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		/**
		 * Set the longest pause after one action event; the agent's intervalMs is clamped
		 * to it ({@code hpp.pacing.max-interval}).
		 * @param maxInterval the value to set
		 */
		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		/**
		 * Return the longest total pacing of one action batch; pauses shrink to fit
		 * ({@code hpp.pacing.max-batch}).
		 * @return the configured value
		 */
		public Duration getMaxBatch() {
			return this.maxBatch;
		}

		/**
		 * Set the longest total pacing of one action batch; pauses shrink to fit
		 * ({@code hpp.pacing.max-batch}).
		 * @param maxBatch the value to set
		 */
		public void setMaxBatch(Duration maxBatch) {
			this.maxBatch = maxBatch;
		}

		/**
		 * Return the action batches of one session that may wait behind the one being
		 * delivered; an action request beyond them is answered 429 with nothing applied
		 * ({@code hpp.pacing.max-queued-batches}).
		 * @return the configured value
		 */
		public int getMaxQueuedBatches() {
			return this.maxQueuedBatches;
		}

		/**
		 * Set the action batches of one session that may wait behind the one being
		 * delivered; an action request beyond them is answered 429 with nothing applied
		 * ({@code hpp.pacing.max-queued-batches}).
		 * @param maxQueuedBatches the value to set
		 */
		public void setMaxQueuedBatches(int maxQueuedBatches) {
			this.maxQueuedBatches = maxQueuedBatches;
		}

	}

	/**
	 * Size limits that bound memory and work per request.
	 */
	public static class Limits {

		/**
		 * Sessions held at once; creating one more answers 503.
		 */
		private int maxSessions = 10_000;

		/**
		 * Live sessions one owner may hold at once; creating one more answers 429. 0 for
		 * no limit. Sessions without an owner are not counted.
		 */
		private int maxSessionsPerOwner = 20;

		/**
		 * Fields per session, initial context included.
		 */
		private int maxFields = 500;

		/**
		 * Characters of a field key.
		 */
		private int maxKeyLength = 256;

		/**
		 * Size of one field value, serialized as JSON.
		 */
		private DataSize maxValueSize = DataSize.ofKilobytes(64);

		/**
		 * Entries of a session's schema.
		 */
		private int maxSchemaFields = 500;

		/**
		 * Size of a request body; larger bodies answer 413.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Wrong or missing handshake tokens a client (remote address) may present per
		 * sliding minute; beyond, its agent requests answer 429 until the oldest failure
		 * is a minute old. 0 turns the throttle off. Behind a proxy, set
		 * server.forward-headers-strategy so that the client address is taken from
		 * X-Forwarded-For.
		 */
		private int maxFailedTokensPerMinute = 30;

		/**
		 * Sessions a client (remote address) without an authenticated principal may
		 * create per sliding minute; beyond, creation answers 429 until the oldest is a
		 * minute old, so that one client cannot fill max-sessions. 0 turns the limit off.
		 * Authenticated creators are bounded by max-sessions-per-owner instead. Behind a
		 * proxy, set server.forward-headers-strategy so that the client address is taken
		 * from X-Forwarded-For.
		 */
		private int maxAnonymousSessionsPerMinute = 60;

		/**
		 * Clients whose failed token attempts, and whose anonymous session creations, are
		 * tracked at once; the least recently seen is forgotten first.
		 */
		private int maxTrackedClients = 10_000;

		/**
		 * Return the sessions held at once; creating one more answers 503
		 * ({@code hpp.limits.max-sessions}).
		 * @return the configured value
		 */
		public int getMaxSessions() {
			return this.maxSessions;
		}

		/**
		 * Set the sessions held at once; creating one more answers 503
		 * ({@code hpp.limits.max-sessions}).
		 * @param maxSessions the value to set
		 */
		public void setMaxSessions(int maxSessions) {
			this.maxSessions = maxSessions;
		}

		/**
		 * Return the live sessions one owner may hold at once; creating one more answers
		 * 429 ({@code hpp.limits.max-sessions-per-owner}).
		 * @return the configured value
		 */
		public int getMaxSessionsPerOwner() {
			return this.maxSessionsPerOwner;
		}

		/**
		 * Set the live sessions one owner may hold at once; creating one more answers 429
		 * ({@code hpp.limits.max-sessions-per-owner}).
		 * @param maxSessionsPerOwner the value to set
		 */
		public void setMaxSessionsPerOwner(int maxSessionsPerOwner) {
			this.maxSessionsPerOwner = maxSessionsPerOwner;
		}

		/**
		 * Return the fields per session, initial context included
		 * ({@code hpp.limits.max-fields}).
		 * @return the configured value
		 */
		public int getMaxFields() {
			return this.maxFields;
		}

		/**
		 * Set the fields per session, initial context included
		 * ({@code hpp.limits.max-fields}).
		 * @param maxFields the value to set
		 */
		public void setMaxFields(int maxFields) {
			this.maxFields = maxFields;
		}

		/**
		 * Return the characters of a field key ({@code hpp.limits.max-key-length}).
		 * @return the configured value
		 */
		public int getMaxKeyLength() {
			return this.maxKeyLength;
		}

		/**
		 * Set the characters of a field key ({@code hpp.limits.max-key-length}).
		 * @param maxKeyLength the value to set
		 */
		public void setMaxKeyLength(int maxKeyLength) {
			this.maxKeyLength = maxKeyLength;
		}

		/**
		 * Return the size of one field value, serialized as JSON
		 * ({@code hpp.limits.max-value-size}).
		 * @return the configured value
		 */
		public DataSize getMaxValueSize() {
			return this.maxValueSize;
		}

		/**
		 * Set the size of one field value, serialized as JSON
		 * ({@code hpp.limits.max-value-size}).
		 * @param maxValueSize the value to set
		 */
		public void setMaxValueSize(DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
		}

		/**
		 * Return the entries of a session's schema
		 * ({@code hpp.limits.max-schema-fields}).
		 * @return the configured value
		 */
		public int getMaxSchemaFields() {
			return this.maxSchemaFields;
		}

		/**
		 * Set the entries of a session's schema ({@code hpp.limits.max-schema-fields}).
		 * @param maxSchemaFields the value to set
		 */
		public void setMaxSchemaFields(int maxSchemaFields) {
			this.maxSchemaFields = maxSchemaFields;
		}

		/**
		 * Return the size of a request body; larger bodies answer 413
		 * ({@code hpp.limits.max-body-size}).
		 * @return the configured value
		 */
		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		/**
		 * Set the size of a request body; larger bodies answer 413
		 * ({@code hpp.limits.max-body-size}).
		 * @param maxBodySize the value to set
		 */
		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		/**
		 * Return the wrong or missing handshake tokens a client (remote address) may
		 * present per sliding minute; beyond, its agent requests answer 429 until the
		 * oldest failure is a minute old
		 * ({@code hpp.limits.max-failed-tokens-per-minute}).
		 * @return the configured value
		 */
		public int getMaxFailedTokensPerMinute() {
			return this.maxFailedTokensPerMinute;
		}

		/**
		 * Set the wrong or missing handshake tokens a client (remote address) may present
		 * per sliding minute; beyond, its agent requests answer 429 until the oldest
		 * failure is a minute old ({@code hpp.limits.max-failed-tokens-per-minute}).
		 * @param maxFailedTokensPerMinute the value to set
		 */
		public void setMaxFailedTokensPerMinute(int maxFailedTokensPerMinute) {
			this.maxFailedTokensPerMinute = maxFailedTokensPerMinute;
		}

		/**
		 * Return the sessions a client (remote address) without an authenticated
		 * principal may create per sliding minute; beyond, creation answers 429 until the
		 * oldest is a minute old, so that one client cannot fill max-sessions
		 * ({@code hpp.limits.max-anonymous-sessions-per-minute}).
		 * @return the configured value
		 */
		public int getMaxAnonymousSessionsPerMinute() {
			return this.maxAnonymousSessionsPerMinute;
		}

		/**
		 * Set the sessions a client (remote address) without an authenticated principal
		 * may create per sliding minute; beyond, creation answers 429 until the oldest is
		 * a minute old, so that one client cannot fill max-sessions
		 * ({@code hpp.limits.max-anonymous-sessions-per-minute}).
		 * @param maxAnonymousSessionsPerMinute the value to set
		 */
		public void setMaxAnonymousSessionsPerMinute(int maxAnonymousSessionsPerMinute) {
			this.maxAnonymousSessionsPerMinute = maxAnonymousSessionsPerMinute;
		}

		/**
		 * Return the clients whose failed token attempts, and whose anonymous session
		 * creations, are tracked at once; the least recently seen is forgotten first
		 * ({@code hpp.limits.max-tracked-clients}).
		 * @return the configured value
		 */
		public int getMaxTrackedClients() {
			return this.maxTrackedClients;
		}

		/**
		 * Set the clients whose failed token attempts, and whose anonymous session
		 * creations, are tracked at once; the least recently seen is forgotten first
		 * ({@code hpp.limits.max-tracked-clients}).
		 * @param maxTrackedClients the value to set
		 */
		public void setMaxTrackedClients(int maxTrackedClients) {
			this.maxTrackedClients = maxTrackedClients;
		}

	}

	/**
	 * The browser client, an ES module the starter serves.
	 */
	public static class BrowserClient {

		/**
		 * Whether the starter serves its browser client, hpp-client.js.
		 */
		private boolean enabled = true;

		/**
		 * Path of the browser client. Defaults to the prefix followed by /hpp-client.js.
		 */
		private @Nullable String path;

		/**
		 * Return whether the starter serves its browser client
		 * ({@code hpp.browser-client.enabled}).
		 * @return the configured value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether the starter serves its browser client
		 * ({@code hpp.browser-client.enabled}).
		 * @param enabled the value to set
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return the path of the browser client ({@code hpp.browser-client.path}).
		 * @return the configured value, null for the default
		 */
		public @Nullable String getPath() {
			return this.path;
		}

		/**
		 * Set the path of the browser client ({@code hpp.browser-client.path}).
		 * @param path the value to set
		 */
		public void setPath(@Nullable String path) {
			this.path = path;
		}

	}

}
