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

package io.github.agentprotocols.commons.redis;

import java.time.Duration;

import javax.net.ssl.SSLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * Sends Redis one {@code PING} at start-up when the application reaches it over TLS
 * ({@code rediss://}, {@code spring.data.redis.ssl.enabled=true}, or an SSL bundle named
 * by {@code spring.data.redis.ssl.bundle}, as Spring Boot decides), before the starters
 * start their background work, and fails the start-up with a {@link RedisTlsException}
 * when the TLS handshake fails: an untrusted certificate is a configuration error that
 * retrying cannot fix, and would otherwise leave the starters retrying for ever while the
 * application looks started. Any other failure (Redis down, unreachable) is an outage: it
 * is logged and the start-up goes on, as without TLS.
 */
public class RedisTlsCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RedisTlsCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory;

	private final Environment environment;

	/**
	 * Creates a check.
	 * @param connectionFactory the application's Redis connection factory, if any
	 * @param environment where Spring Boot's {@code spring.data.redis.*} properties are
	 */
	public RedisTlsCheck(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory, Environment environment) {
		this.connectionFactory = connectionFactory;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ReactiveRedisConnectionFactory factory = this.connectionFactory.getIfUnique();
		if (factory == null || !usesTls()) {
			return;
		}
		try (ReactiveRedisConnection connection = factory.getReactiveConnection()) {
			connection.ping().block(TIMEOUT);
		}
		catch (RuntimeException ex) {
			SSLException tls = tlsFailure(ex);
			if (tls != null) {
				throw new RedisTlsException(target(), tls);
			}
			logger.warn("Redis did not answer at start-up (" + ex.getMessage() + "); going on, as for an outage");
		}
	}

	private boolean usesTls() {
		String url = this.environment.getProperty("spring.data.redis.url", "");
		Boolean enabled = this.environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class);
		boolean ssl = (enabled != null) ? enabled
				: StringUtils.hasText(this.environment.getProperty("spring.data.redis.ssl.bundle"));
		return url.startsWith("rediss:") || ssl;
	}

	private String target() {
		String url = this.environment.getProperty("spring.data.redis.url");
		if (url != null) {
			int at = url.lastIndexOf('@');
			return (at < 0) ? url : url.substring(0, url.indexOf("//") + 2) + url.substring(at + 1);
		}
		for (String nodes : new String[] { "spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.nodes" }) {
			String value = this.environment.getProperty(nodes);
			if (value != null) {
				return value + " (" + nodes + ")";
			}
		}
		return this.environment.getProperty("spring.data.redis.host", "localhost") + ":"
				+ this.environment.getProperty("spring.data.redis.port", "6379");
	}

	private static @Nullable SSLException tlsFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException tls) {
				return tls;
			}
		}
		return null;
	}

}
