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

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.commons.diagnostics.ProtocolProperty;
import io.github.agentprotocols.lime.client.LimeApiClient;
import io.github.agentprotocols.lime.connection.LimeConnectionDetails;
import io.github.agentprotocols.lime.observation.LimeApiObservationConvention;
import io.github.agentprotocols.lime.passport.PassportVerifier;
import io.github.agentprotocols.lime.redis.RedisKeys;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Maps {@link LimeProperties} and the {@link LimeConnectionDetails} to the settings of
 * the site, the API client, the passport verifier, the event dispatcher and the Redis
 * store.
 */
final class LimePropertiesMapper {

	private static final ProtocolProperty SITE_TOKEN = new ProtocolProperty("lime.site.token", "LIME_SITE_TOKEN",
			"authenticating the site at the LIME API and on its event stream");

	private final LimeProperties properties;

	private final LimeConnectionDetails connectionDetails;

	LimePropertiesMapper(LimeProperties properties) {
		this(properties, new PropertiesLimeConnectionDetails(properties));
	}

	LimePropertiesMapper(LimeProperties properties, LimeConnectionDetails connectionDetails) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
	}

	/**
	 * Return the site token of the connection details.
	 * @return the trimmed token
	 * @throws MissingProtocolPropertyException when it is not configured, or is still a
	 * placeholder
	 */
	String siteToken() {
		return SITE_TOKEN.require(this.connectionDetails.getSiteToken());
	}

	String apiBase() {
		return this.connectionDetails.getApiBase();
	}

	LimeApiClient apiClient(WebClient webClient, Clock clock, ObservationRegistry observationRegistry,
			@Nullable LimeApiObservationConvention observationConvention) {
		LimeProperties.Site site = this.properties.getSite();
		return new LimeApiClient(webClient, apiBase(), siteToken(), site.getTimeout(), site.getMaxRetries(), clock,
				observationRegistry, observationConvention);
	}

	LimeSite.Builder site(LimeSite.Builder site) {
		LimeProperties.Site properties = this.properties.getSite();
		return site.siteToken(siteToken())
			.apiBase(apiBase())
			.timeout(properties.getTimeout())
			.maxRetries(properties.getMaxRetries());
	}

	PassportVerifier.Builder passportVerifier(PassportVerifier.Builder verifier) {
		LimeProperties.Passport passport = this.properties.getPassport();
		LimeProperties.Jwks jwks = passport.getJwks();
		return verifier.leeway(passport.getLeeway())
			.maxFutureIssuedAt(passport.getMaxFutureIat())
			.issuer(passport.getIssuer())
			.requireRequestBinding(passport.isRequireRequestId())
			.oneTimeUse(passport.isOneTimeUse())
			.bindingIdCheck(passport.getBindingIdCheck())
			.jwksCacheTtl(jwks.getCacheTtl())
			.jwksRefreshMinInterval(jwks.getRefreshMinInterval())
			.jwksRefreshTimeout(jwks.getRefreshTimeout())
			.jwksOutageTolerance(jwks.getOutageTolerance());
	}

	LimeEventDispatcher.Builder dispatcher() {
		LimeProperties.Sse sse = this.properties.getSite().getSse();
		return LimeEventDispatcher.builder(siteToken())
			.apiBase(apiBase())
			.backoffBase(sse.getBackoffBase())
			.maxBackoff(sse.getMaxBackoff())
			.readTimeout(sse.getReadTimeout())
			.handlerTimeout(sse.getHandlerTimeout())
			.authRejectionLimit(sse.getAuthRejectionLimit())
			.maxFrameSize(sse.getMaxFrameSize())
			.recentEvents(sse.getRecentEvents());
	}

	/**
	 * Return the names of the Redis keys under {@code lime.store.key-prefix}.
	 * @return the key names
	 * @throws InvalidConfigurationPropertyValueException when the prefix contains a hash
	 * tag's brace
	 */
	RedisKeys redisKeys() {
		String prefix = this.properties.getStore().getKeyPrefix();
		try {
			return new RedisKeys(prefix);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("lime.store.key-prefix", prefix, ex.getMessage());
		}
	}

	Duration eventRetention() {
		return this.properties.getStore().getEventRetention();
	}

	Duration leaseTtl() {
		return this.properties.getCluster().getLeaseTtl();
	}

	Duration broadcastTimeout() {
		return this.properties.getSite().getTimeout();
	}

}
