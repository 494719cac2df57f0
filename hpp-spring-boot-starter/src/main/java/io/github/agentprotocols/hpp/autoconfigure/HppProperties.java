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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public String getWsPrefix() {
		return this.wsPrefix;
	}

	public void setWsPrefix(String wsPrefix) {
		this.wsPrefix = wsPrefix;
	}

	public @Nullable String getAdvertisedPathPrefix() {
		return this.advertisedPathPrefix;
	}

	public void setAdvertisedPathPrefix(@Nullable String advertisedPathPrefix) {
		this.advertisedPathPrefix = advertisedPathPrefix;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public Duration getMaxLifetime() {
		return this.maxLifetime;
	}

	public void setMaxLifetime(Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	public int getRateLimitPerMinute() {
		return this.rateLimitPerMinute;
	}

	public void setRateLimitPerMinute(int rateLimitPerMinute) {
		this.rateLimitPerMinute = rateLimitPerMinute;
	}

	public int getExtendRateLimitPerMinute() {
		return this.extendRateLimitPerMinute;
	}

	public void setExtendRateLimitPerMinute(int extendRateLimitPerMinute) {
		this.extendRateLimitPerMinute = extendRateLimitPerMinute;
	}

	public Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	public void setCleanupInterval(Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	public boolean isBindUserEditsToOwner() {
		return this.bindUserEditsToOwner;
	}

	public void setBindUserEditsToOwner(boolean bindUserEditsToOwner) {
		this.bindUserEditsToOwner = bindUserEditsToOwner;
	}

	public boolean isRequireOwner() {
		return this.requireOwner;
	}

	public void setRequireOwner(boolean requireOwner) {
		this.requireOwner = requireOwner;
	}

	public boolean isClearedFieldsBecomeEmpty() {
		return this.clearedFieldsBecomeEmpty;
	}

	public void setClearedFieldsBecomeEmpty(boolean clearedFieldsBecomeEmpty) {
		this.clearedFieldsBecomeEmpty = clearedFieldsBecomeEmpty;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public boolean isCheckWebsocketOrigin() {
		return this.checkWebsocketOrigin;
	}

	public void setCheckWebsocketOrigin(boolean checkWebsocketOrigin) {
		this.checkWebsocketOrigin = checkWebsocketOrigin;
	}

	public Store getStore() {
		return this.store;
	}

	public Pacing getPacing() {
		return this.pacing;
	}

	public Limits getLimits() {
		return this.limits;
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
		 * applications that share a Redis server different prefixes; on Redis Cluster
		 * include a hash tag, for example {hpp}:.
		 */
		private String keyPrefix = "hpp:";

		public StoreType getType() {
			return this.type;
		}

		public void setType(StoreType type) {
			this.type = type;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
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

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getMaxBatch() {
			return this.maxBatch;
		}

		public void setMaxBatch(Duration maxBatch) {
			this.maxBatch = maxBatch;
		}

		public int getMaxQueuedBatches() {
			return this.maxQueuedBatches;
		}

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

		public int getMaxSessions() {
			return this.maxSessions;
		}

		public void setMaxSessions(int maxSessions) {
			this.maxSessions = maxSessions;
		}

		public int getMaxSessionsPerOwner() {
			return this.maxSessionsPerOwner;
		}

		public void setMaxSessionsPerOwner(int maxSessionsPerOwner) {
			this.maxSessionsPerOwner = maxSessionsPerOwner;
		}

		public int getMaxFields() {
			return this.maxFields;
		}

		public void setMaxFields(int maxFields) {
			this.maxFields = maxFields;
		}

		public int getMaxKeyLength() {
			return this.maxKeyLength;
		}

		public void setMaxKeyLength(int maxKeyLength) {
			this.maxKeyLength = maxKeyLength;
		}

		public DataSize getMaxValueSize() {
			return this.maxValueSize;
		}

		public void setMaxValueSize(DataSize maxValueSize) {
			this.maxValueSize = maxValueSize;
		}

		public int getMaxSchemaFields() {
			return this.maxSchemaFields;
		}

		public void setMaxSchemaFields(int maxSchemaFields) {
			this.maxSchemaFields = maxSchemaFields;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public int getMaxFailedTokensPerMinute() {
			return this.maxFailedTokensPerMinute;
		}

		public void setMaxFailedTokensPerMinute(int maxFailedTokensPerMinute) {
			this.maxFailedTokensPerMinute = maxFailedTokensPerMinute;
		}

		public int getMaxAnonymousSessionsPerMinute() {
			return this.maxAnonymousSessionsPerMinute;
		}

		public void setMaxAnonymousSessionsPerMinute(int maxAnonymousSessionsPerMinute) {
			this.maxAnonymousSessionsPerMinute = maxAnonymousSessionsPerMinute;
		}

		public int getMaxTrackedClients() {
			return this.maxTrackedClients;
		}

		public void setMaxTrackedClients(int maxTrackedClients) {
			this.maxTrackedClients = maxTrackedClients;
		}

	}

}
