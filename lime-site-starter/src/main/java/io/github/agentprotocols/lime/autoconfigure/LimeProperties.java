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

package io.github.agentprotocols.lime.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.agentprotocols.lime.passport.BindingIdCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the LIME agent login starter, bound under {@code lime}.
 */
@ConfigurationProperties("lime")
public class LimeProperties {

	/**
	 * Whether the LIME agent login starter is active. Set to false to back the whole
	 * starter off.
	 */
	private boolean enabled = true;

	private final Site site = new Site();

	private final Passport passport = new Passport();

	private final Store store = new Store();

	private final Cluster cluster = new Cluster();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Site getSite() {
		return this.site;
	}

	public Passport getPassport() {
		return this.passport;
	}

	public Store getStore() {
		return this.store;
	}

	public Cluster getCluster() {
		return this.cluster;
	}

	/**
	 * The site's account at LIME and its calls to the LIME API.
	 */
	public static class Site {

		/**
		 * Site token, sent as X-Site-Token on every authenticated call and on the event
		 * stream; a server-side secret. Required. Falls back to the LIME_SITE_TOKEN
		 * environment variable.
		 */
		private @Nullable String token;

		/**
		 * Base URL of the LIME API, including /api/v1; trailing slashes are removed.
		 * Falls back to the LIME_API_BASE environment variable.
		 */
		private String apiBase = "https://lime.pics/api/v1";

		/**
		 * Timeout of each attempt of an API call, connecting included. Seconds if no unit
		 * is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Retries after a failed API call (JWKS fetches; a login request is only retried
		 * when it cannot have reached LIME).
		 */
		private int maxRetries = 3;

		private final Sse sse = new Sse();

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public String getApiBase() {
			return this.apiBase;
		}

		public void setApiBase(String apiBase) {
			this.apiBase = apiBase;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Sse getSse() {
			return this.sse;
		}

	}

	/**
	 * The event stream that delivers approvals and expiries to the login handlers.
	 */
	public static class Sse {

		/**
		 * Upper bound of the first reconnect delay, doubling with each failure in a row
		 * (full jitter). Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration backoffBase = Duration.ofMillis(500);

		/**
		 * Upper bound of every reconnect delay. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest silence tolerated on the open stream before reconnecting; LIME's
		 * proxies allow 310 s and LIME sends keepalives well within it. Seconds if no
		 * unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration readTimeout = Duration.ofSeconds(310);

		/**
		 * How long one login handler may run on one event before it is interrupted and
		 * the next one runs. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration handlerTimeout = Duration.ofSeconds(30);

		/**
		 * How many 401 or 403 answers in a row the stream takes before it stops retrying;
		 * health then reports DOWN until the application restarts.
		 */
		private int authRejectionLimit = 3;

		/**
		 * Largest event frame read; larger frames are skipped.
		 */
		private DataSize maxFrameSize = DataSize.ofKilobytes(64);

		/**
		 * How many recent events are remembered so that each is delivered once.
		 */
		private int recentEvents = 10_000;

		public Duration getBackoffBase() {
			return this.backoffBase;
		}

		public void setBackoffBase(Duration backoffBase) {
			this.backoffBase = backoffBase;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getHandlerTimeout() {
			return this.handlerTimeout;
		}

		public void setHandlerTimeout(Duration handlerTimeout) {
			this.handlerTimeout = handlerTimeout;
		}

		public int getAuthRejectionLimit() {
			return this.authRejectionLimit;
		}

		public void setAuthRejectionLimit(int authRejectionLimit) {
			this.authRejectionLimit = authRejectionLimit;
		}

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public int getRecentEvents() {
			return this.recentEvents;
		}

		public void setRecentEvents(int recentEvents) {
			this.recentEvents = recentEvents;
		}

	}

	/**
	 * Verification of the passports agents log in (or bind) with.
	 */
	public static class Passport {

		/**
		 * Clock skew allowed on exp and nbf. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration leeway = Duration.ofSeconds(60);

		/**
		 * How far in the future iat may be. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxFutureIat = Duration.ofSeconds(60);

		/**
		 * The iss claim passports must carry; not checked when unset.
		 */
		private @Nullable String issuer;

		/**
		 * Whether a login passport is only verified against the login request it is for.
		 */
		private boolean requireRequestId = true;

		/**
		 * Whether each passport is accepted once only, within its lifetime.
		 */
		private boolean oneTimeUse = true;

		/**
		 * How binding passports verified without an expected binding id are checked:
		 * 'present' requires a non-blank binding_id claim that the application matches
		 * (LIME 2.0), 'expected' requires the caller to pass the binding id (LIME 1.2).
		 */
		private BindingIdCheck bindingIdCheck = BindingIdCheck.PRESENT;

		private final Jwks jwks = new Jwks();

		public Duration getLeeway() {
			return this.leeway;
		}

		public void setLeeway(Duration leeway) {
			this.leeway = leeway;
		}

		public Duration getMaxFutureIat() {
			return this.maxFutureIat;
		}

		public void setMaxFutureIat(Duration maxFutureIat) {
			this.maxFutureIat = maxFutureIat;
		}

		public @Nullable String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(@Nullable String issuer) {
			this.issuer = issuer;
		}

		public boolean isRequireRequestId() {
			return this.requireRequestId;
		}

		public void setRequireRequestId(boolean requireRequestId) {
			this.requireRequestId = requireRequestId;
		}

		public boolean isOneTimeUse() {
			return this.oneTimeUse;
		}

		public void setOneTimeUse(boolean oneTimeUse) {
			this.oneTimeUse = oneTimeUse;
		}

		public BindingIdCheck getBindingIdCheck() {
			return this.bindingIdCheck;
		}

		public void setBindingIdCheck(BindingIdCheck bindingIdCheck) {
			this.bindingIdCheck = bindingIdCheck;
		}

		public Jwks getJwks() {
			return this.jwks;
		}

	}

	/**
	 * Caching of the LIME signing keys.
	 */
	public static class Jwks {

		/**
		 * How long fetched keys are used before the JWKS is fetched again. Seconds if no
		 * unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration cacheTtl = Duration.ofMinutes(5);

		/**
		 * Interval within which the JWKS is fetched at most twice, whatever unknown kids
		 * are presented; 0 for no limit. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration refreshMinInterval = Duration.ofSeconds(30);

		/**
		 * How long verifications wait for a JWKS refresh in progress. Seconds if no unit
		 * is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration refreshTimeout = Duration.ofSeconds(15);

		/**
		 * How long the last keys fetched are still used while the JWKS endpoint is
		 * unreachable. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration outageTolerance = Duration.ofHours(1);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getRefreshMinInterval() {
			return this.refreshMinInterval;
		}

		public void setRefreshMinInterval(Duration refreshMinInterval) {
			this.refreshMinInterval = refreshMinInterval;
		}

		public Duration getRefreshTimeout() {
			return this.refreshTimeout;
		}

		public void setRefreshTimeout(Duration refreshTimeout) {
			this.refreshTimeout = refreshTimeout;
		}

		public Duration getOutageTolerance() {
			return this.outageTolerance;
		}

		public void setOutageTolerance(Duration outageTolerance) {
			this.outageTolerance = outageTolerance;
		}

	}

	/**
	 * Where the site keeps the state its instances share: pending login requests, used
	 * passports, the event log.
	 */
	public static class Store {

		/**
		 * Where the state lives: 'memory' (each instance alone: it reads the event stream
		 * and keeps its stores in memory) or 'redis' (stores and login outcomes are
		 * shared through Redis, and one instance at a time reads the stream under a
		 * lease).
		 */
		private StoreType type = StoreType.MEMORY;

		/**
		 * Prefix of every Redis key and channel of the starter. Sites (site tokens) that
		 * share a Redis server need different prefixes.
		 */
		private String keyPrefix = "lime:";

		/**
		 * How long the store remembers the last event id read and the login requests
		 * whose outcome it handled; a replay of older events is handled again. Seconds if
		 * no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration eventRetention = Duration.ofHours(1);

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

		public Duration getEventRetention() {
			return this.eventRetention;
		}

		public void setEventRetention(Duration eventRetention) {
			this.eventRetention = eventRetention;
		}

	}

	/**
	 * Where the state of the site lives.
	 */
	public enum StoreType {

		/**
		 * In the memory of each instance.
		 */
		MEMORY,

		/**
		 * In Redis, shared by every instance.
		 */
		REDIS

	}

	/**
	 * How the instances of the site share the event stream, with
	 * {@code lime.store.type=redis}.
	 */
	public static class Cluster {

		/**
		 * How long the lease of the event stream outlives its holder's last renewal: an
		 * instance that dies without releasing it is replaced after at most this long.
		 * The holder renews it every third of it. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration leaseTtl = Duration.ofSeconds(10);

		public Duration getLeaseTtl() {
			return this.leaseTtl;
		}

		public void setLeaseTtl(Duration leaseTtl) {
			this.leaseTtl = leaseTtl;
		}

	}

}
