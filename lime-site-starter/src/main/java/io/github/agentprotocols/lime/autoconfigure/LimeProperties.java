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

	/**
	 * Return whether the LIME agent login starter is active ({@code lime.enabled}).
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the LIME agent login starter is active ({@code lime.enabled}).
	 * @param enabled the value to set
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the properties under {@code lime.site}.
	 * @return the properties
	 */
	public Site getSite() {
		return this.site;
	}

	/**
	 * Return the properties under {@code lime.passport}.
	 * @return the properties
	 */
	public Passport getPassport() {
		return this.passport;
	}

	/**
	 * Return the properties under {@code lime.store}.
	 * @return the properties
	 */
	public Store getStore() {
		return this.store;
	}

	/**
	 * Return the properties under {@code lime.cluster}.
	 * @return the properties
	 */
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

		private final Ssl ssl = new Ssl();

		/**
		 * Return the site token, sent as X-Site-Token on every authenticated call and on
		 * the event stream; a server-side secret ({@code lime.site.token}).
		 * @return the configured value
		 */
		public @Nullable String getToken() {
			return this.token;
		}

		/**
		 * Set the site token, sent as X-Site-Token on every authenticated call and on the
		 * event stream; a server-side secret ({@code lime.site.token}).
		 * @param token the value to set
		 */
		public void setToken(@Nullable String token) {
			this.token = token;
		}

		/**
		 * Return the base URL of the LIME API, including /api/v1; trailing slashes are
		 * removed ({@code lime.site.api-base}).
		 * @return the configured value
		 */
		public String getApiBase() {
			return this.apiBase;
		}

		/**
		 * Set the base URL of the LIME API, including /api/v1; trailing slashes are
		 * removed ({@code lime.site.api-base}).
		 * @param apiBase the value to set
		 */
		public void setApiBase(String apiBase) {
			this.apiBase = apiBase;
		}

		/**
		 * Return the timeout of each attempt of an API call, connecting included
		 * ({@code lime.site.timeout}).
		 * @return the configured value
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set the timeout of each attempt of an API call, connecting included
		 * ({@code lime.site.timeout}).
		 * @param timeout the value to set
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Return the retries after a failed API call (JWKS fetches; a login request is
		 * only retried when it cannot have reached LIME) ({@code lime.site.max-retries}).
		 * @return the configured value
		 */
		public int getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Set the retries after a failed API call (JWKS fetches; a login request is only
		 * retried when it cannot have reached LIME) ({@code lime.site.max-retries}).
		 * @param maxRetries the value to set
		 */
		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * Return the properties under {@code lime.site.sse}.
		 * @return the properties
		 */
		public Sse getSse() {
			return this.sse;
		}

		/**
		 * Return the properties under {@code lime.site.ssl}.
		 * @return the properties
		 */
		public Ssl getSsl() {
			return this.ssl;
		}

	}

	/**
	 * TLS of the calls to the LIME API and of the event stream.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) of the calls to the LIME API and
		 * of the event stream: the authorities trusted instead of the JDK's, and the
		 * client certificate, if any. The JDK's trust store when unset.
		 */
		private @Nullable String bundle;

		/**
		 * Return the name of the SSL bundle of the calls to the LIME API and of the event
		 * stream ({@code lime.site.ssl.bundle}).
		 * @return the configured value
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set the name of the SSL bundle of the calls to the LIME API and of the event
		 * stream ({@code lime.site.ssl.bundle}).
		 * @param bundle the value to set
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
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
		 * Whether this instance refuses traffic (Spring Boot's readiness state) while
		 * LIME rejects the stream's site token, or while the stream stays down longer
		 * than max-downtime.
		 */
		private boolean readiness = true;

		/**
		 * Longest the event stream may stay down (connecting or reconnecting) before this
		 * instance refuses traffic, under readiness.
		 */
		private Duration maxDowntime = Duration.ofMinutes(1);

		/**
		 * Largest event frame read; larger frames are skipped.
		 */
		private DataSize maxFrameSize = DataSize.ofKilobytes(64);

		/**
		 * How many recent events are remembered so that each is delivered once.
		 */
		private int recentEvents = 10_000;

		/**
		 * Return the upper bound of the first reconnect delay, doubling with each failure
		 * in a row (full jitter) ({@code lime.site.sse.backoff-base}).
		 * @return the configured value
		 */
		public Duration getBackoffBase() {
			return this.backoffBase;
		}

		/**
		 * Set the upper bound of the first reconnect delay, doubling with each failure in
		 * a row (full jitter) ({@code lime.site.sse.backoff-base}).
		 * @param backoffBase the value to set
		 */
		public void setBackoffBase(Duration backoffBase) {
			this.backoffBase = backoffBase;
		}

		/**
		 * Return the upper bound of every reconnect delay
		 * ({@code lime.site.sse.max-backoff}).
		 * @return the configured value
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set the upper bound of every reconnect delay
		 * ({@code lime.site.sse.max-backoff}).
		 * @param maxBackoff the value to set
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * Return the longest silence tolerated on the open stream before reconnecting;
		 * LIME's proxies allow 310 s and LIME sends keepalives well within it
		 * ({@code lime.site.sse.read-timeout}).
		 * @return the configured value
		 */
		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		/**
		 * Set the longest silence tolerated on the open stream before reconnecting;
		 * LIME's proxies allow 310 s and LIME sends keepalives well within it
		 * ({@code lime.site.sse.read-timeout}).
		 * @param readTimeout the value to set
		 */
		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		/**
		 * Return how long one login handler may run on one event before it is interrupted
		 * and the next one runs ({@code lime.site.sse.handler-timeout}).
		 * @return the configured value
		 */
		public Duration getHandlerTimeout() {
			return this.handlerTimeout;
		}

		/**
		 * Set how long one login handler may run on one event before it is interrupted
		 * and the next one runs ({@code lime.site.sse.handler-timeout}).
		 * @param handlerTimeout the value to set
		 */
		public void setHandlerTimeout(Duration handlerTimeout) {
			this.handlerTimeout = handlerTimeout;
		}

		/**
		 * Return how many 401 or 403 answers in a row the stream takes before it stops
		 * retrying; health then reports DOWN until the application restarts
		 * ({@code lime.site.sse.auth-rejection-limit}).
		 * @return the configured value
		 */
		public int getAuthRejectionLimit() {
			return this.authRejectionLimit;
		}

		/**
		 * Set how many 401 or 403 answers in a row the stream takes before it stops
		 * retrying; health then reports DOWN until the application restarts
		 * ({@code lime.site.sse.auth-rejection-limit}).
		 * @param authRejectionLimit the value to set
		 */
		public void setAuthRejectionLimit(int authRejectionLimit) {
			this.authRejectionLimit = authRejectionLimit;
		}

		/**
		 * Return the longest the event stream may stay down (connecting or reconnecting)
		 * before this instance refuses traffic, under readiness
		 * ({@code lime.site.sse.max-downtime}).
		 * @return the configured value
		 */
		public Duration getMaxDowntime() {
			return this.maxDowntime;
		}

		/**
		 * Set the longest the event stream may stay down (connecting or reconnecting)
		 * before this instance refuses traffic, under readiness
		 * ({@code lime.site.sse.max-downtime}).
		 * @param maxDowntime the value to set
		 */
		public void setMaxDowntime(Duration maxDowntime) {
			this.maxDowntime = maxDowntime;
		}

		/**
		 * Return whether this instance refuses traffic (Spring Boot's readiness state)
		 * while LIME rejects the stream's site token, or while the stream stays down
		 * longer than max-downtime ({@code lime.site.sse.readiness}).
		 * @return the configured value
		 */
		public boolean isReadiness() {
			return this.readiness;
		}

		/**
		 * Set whether this instance refuses traffic (Spring Boot's readiness state) while
		 * LIME rejects the stream's site token, or while the stream stays down longer
		 * than max-downtime ({@code lime.site.sse.readiness}).
		 * @param readiness the value to set
		 */
		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

		/**
		 * Return the largest event frame read; larger frames are skipped
		 * ({@code lime.site.sse.max-frame-size}).
		 * @return the configured value
		 */
		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		/**
		 * Set the largest event frame read; larger frames are skipped
		 * ({@code lime.site.sse.max-frame-size}).
		 * @param maxFrameSize the value to set
		 */
		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		/**
		 * Return how many recent events are remembered so that each is delivered once
		 * ({@code lime.site.sse.recent-events}).
		 * @return the configured value
		 */
		public int getRecentEvents() {
			return this.recentEvents;
		}

		/**
		 * Set how many recent events are remembered so that each is delivered once
		 * ({@code lime.site.sse.recent-events}).
		 * @param recentEvents the value to set
		 */
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

		/**
		 * Return the clock skew allowed on exp and nbf ({@code lime.passport.leeway}).
		 * @return the configured value
		 */
		public Duration getLeeway() {
			return this.leeway;
		}

		/**
		 * Set the clock skew allowed on exp and nbf ({@code lime.passport.leeway}).
		 * @param leeway the value to set
		 */
		public void setLeeway(Duration leeway) {
			this.leeway = leeway;
		}

		/**
		 * Return how far in the future iat may be ({@code lime.passport.max-future-iat}).
		 * @return the configured value
		 */
		public Duration getMaxFutureIat() {
			return this.maxFutureIat;
		}

		/**
		 * Set how far in the future iat may be ({@code lime.passport.max-future-iat}).
		 * @param maxFutureIat the value to set
		 */
		public void setMaxFutureIat(Duration maxFutureIat) {
			this.maxFutureIat = maxFutureIat;
		}

		/**
		 * Return the iss claim passports must carry; not checked when unset
		 * ({@code lime.passport.issuer}).
		 * @return the configured value
		 */
		public @Nullable String getIssuer() {
			return this.issuer;
		}

		/**
		 * Set the iss claim passports must carry; not checked when unset
		 * ({@code lime.passport.issuer}).
		 * @param issuer the value to set
		 */
		public void setIssuer(@Nullable String issuer) {
			this.issuer = issuer;
		}

		/**
		 * Return whether a login passport is only verified against the login request it
		 * is for ({@code lime.passport.require-request-id}).
		 * @return the configured value
		 */
		public boolean isRequireRequestId() {
			return this.requireRequestId;
		}

		/**
		 * Set whether a login passport is only verified against the login request it is
		 * for ({@code lime.passport.require-request-id}).
		 * @param requireRequestId the value to set
		 */
		public void setRequireRequestId(boolean requireRequestId) {
			this.requireRequestId = requireRequestId;
		}

		/**
		 * Return whether each passport is accepted once only, within its lifetime
		 * ({@code lime.passport.one-time-use}).
		 * @return the configured value
		 */
		public boolean isOneTimeUse() {
			return this.oneTimeUse;
		}

		/**
		 * Set whether each passport is accepted once only, within its lifetime
		 * ({@code lime.passport.one-time-use}).
		 * @param oneTimeUse the value to set
		 */
		public void setOneTimeUse(boolean oneTimeUse) {
			this.oneTimeUse = oneTimeUse;
		}

		/**
		 * Return how binding passports verified without an expected binding id are
		 * checked: 'present' requires a non-blank binding_id claim that the application
		 * matches (LIME 2.0), 'expected' requires the caller to pass the binding id (LIME
		 * 1.2) ({@code lime.passport.binding-id-check}).
		 * @return the configured value
		 */
		public BindingIdCheck getBindingIdCheck() {
			return this.bindingIdCheck;
		}

		/**
		 * Set how binding passports verified without an expected binding id are checked:
		 * 'present' requires a non-blank binding_id claim that the application matches
		 * (LIME 2.0), 'expected' requires the caller to pass the binding id (LIME 1.2)
		 * ({@code lime.passport.binding-id-check}).
		 * @param bindingIdCheck the value to set
		 */
		public void setBindingIdCheck(BindingIdCheck bindingIdCheck) {
			this.bindingIdCheck = bindingIdCheck;
		}

		/**
		 * Return the properties under {@code lime.passport.jwks}.
		 * @return the properties
		 */
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

		/**
		 * Return how long fetched keys are used before the JWKS is fetched again
		 * ({@code lime.passport.jwks.cache-ttl}).
		 * @return the configured value
		 */
		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		/**
		 * Set how long fetched keys are used before the JWKS is fetched again
		 * ({@code lime.passport.jwks.cache-ttl}).
		 * @param cacheTtl the value to set
		 */
		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		/**
		 * Return the interval within which the JWKS is fetched at most twice, whatever
		 * unknown kids are presented; 0 for no limit
		 * ({@code lime.passport.jwks.refresh-min-interval}).
		 * @return the configured value
		 */
		public Duration getRefreshMinInterval() {
			return this.refreshMinInterval;
		}

		/**
		 * Set the interval within which the JWKS is fetched at most twice, whatever
		 * unknown kids are presented; 0 for no limit
		 * ({@code lime.passport.jwks.refresh-min-interval}).
		 * @param refreshMinInterval the value to set
		 */
		public void setRefreshMinInterval(Duration refreshMinInterval) {
			this.refreshMinInterval = refreshMinInterval;
		}

		/**
		 * Return how long verifications wait for a JWKS refresh in progress
		 * ({@code lime.passport.jwks.refresh-timeout}).
		 * @return the configured value
		 */
		public Duration getRefreshTimeout() {
			return this.refreshTimeout;
		}

		/**
		 * Set how long verifications wait for a JWKS refresh in progress
		 * ({@code lime.passport.jwks.refresh-timeout}).
		 * @param refreshTimeout the value to set
		 */
		public void setRefreshTimeout(Duration refreshTimeout) {
			this.refreshTimeout = refreshTimeout;
		}

		/**
		 * Return how long the last keys fetched are still used while the JWKS endpoint is
		 * unreachable ({@code lime.passport.jwks.outage-tolerance}).
		 * @return the configured value
		 */
		public Duration getOutageTolerance() {
			return this.outageTolerance;
		}

		/**
		 * Set how long the last keys fetched are still used while the JWKS endpoint is
		 * unreachable ({@code lime.passport.jwks.outage-tolerance}).
		 * @param outageTolerance the value to set
		 */
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
		 * share a Redis server need different prefixes. Must not contain '{' or '}' (a
		 * Redis Cluster hash tag).
		 */
		private String keyPrefix = "lime:";

		/**
		 * How long the store remembers the last event id read and the login requests
		 * whose outcome it handled; a replay of older events is handled again. Seconds if
		 * no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration eventRetention = Duration.ofHours(1);

		/**
		 * Return where the state lives: 'memory' (each instance alone: it reads the event
		 * stream and keeps its stores in memory) or 'redis' (stores and login outcomes
		 * are shared through Redis, and one instance at a time reads the stream under a
		 * lease) ({@code lime.store.type}).
		 * @return the configured value
		 */
		public StoreType getType() {
			return this.type;
		}

		/**
		 * Set where the state lives: 'memory' (each instance alone: it reads the event
		 * stream and keeps its stores in memory) or 'redis' (stores and login outcomes
		 * are shared through Redis, and one instance at a time reads the stream under a
		 * lease) ({@code lime.store.type}).
		 * @param type the value to set
		 */
		public void setType(StoreType type) {
			this.type = type;
		}

		/**
		 * Return the prefix of every Redis key and channel of the starter
		 * ({@code lime.store.key-prefix}).
		 * @return the configured value
		 */
		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		/**
		 * Set the prefix of every Redis key and channel of the starter
		 * ({@code lime.store.key-prefix}).
		 * @param keyPrefix the value to set
		 */
		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		/**
		 * Return how long the store remembers the last event id read and the login
		 * requests whose outcome it handled; a replay of older events is handled again
		 * ({@code lime.store.event-retention}).
		 * @return the configured value
		 */
		public Duration getEventRetention() {
			return this.eventRetention;
		}

		/**
		 * Set how long the store remembers the last event id read and the login requests
		 * whose outcome it handled; a replay of older events is handled again
		 * ({@code lime.store.event-retention}).
		 * @param eventRetention the value to set
		 */
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
		 * The holder renews it every third of it, and looks this often for events another
		 * instance took on and did not finish. Seconds if no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration leaseTtl = Duration.ofSeconds(10);

		/**
		 * Whether this instance refuses traffic (Spring Boot's readiness state) after
		 * losing the lease of the event stream it held, until it reaches Redis again.
		 */
		private boolean readiness = true;

		/**
		 * Return how long the lease of the event stream outlives its holder's last
		 * renewal: an instance that dies without releasing it is replaced after at most
		 * this long ({@code lime.cluster.lease-ttl}).
		 * @return the configured value
		 */
		public Duration getLeaseTtl() {
			return this.leaseTtl;
		}

		/**
		 * Set how long the lease of the event stream outlives its holder's last renewal:
		 * an instance that dies without releasing it is replaced after at most this long
		 * ({@code lime.cluster.lease-ttl}).
		 * @param leaseTtl the value to set
		 */
		public void setLeaseTtl(Duration leaseTtl) {
			this.leaseTtl = leaseTtl;
		}

		/**
		 * Return whether this instance refuses traffic (Spring Boot's readiness state)
		 * after losing the lease of the event stream it held, until it reaches Redis
		 * again ({@code lime.cluster.readiness}).
		 * @return the configured value
		 */
		public boolean isReadiness() {
			return this.readiness;
		}

		/**
		 * Set whether this instance refuses traffic (Spring Boot's readiness state) after
		 * losing the lease of the event stream it held, until it reaches Redis again
		 * ({@code lime.cluster.readiness}).
		 * @param readiness the value to set
		 */
		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

	}

}
