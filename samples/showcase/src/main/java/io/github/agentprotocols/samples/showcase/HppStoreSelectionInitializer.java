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

package io.github.agentprotocols.samples.showcase;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps the showcase's HPP sessions in memory unless {@code hpp.store.type=redis}:
 * otherwise it excludes Spring Boot's Redis auto-configuration, so that no Redis
 * connection factory is made and no Redis health indicator reaches for a server that
 * nothing uses; with {@code hpp.store.type=redis} the HPP starter shares its sessions
 * through the Redis of {@code spring.data.redis.*}.
 */
class HppStoreSelectionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final Log logger = LogFactory.getLog(HppStoreSelectionInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if ("redis".equalsIgnoreCase(environment.getProperty("hpp.store.type"))) {
			logger.info("HPP sessions are kept in Redis (hpp.store.type=redis)");
			return;
		}
		String excluded = environment.getProperty(EXCLUDE, "");
		String exclusions = StringUtils.hasText(excluded) ? excluded + "," + REDIS_AUTO_CONFIGURATION
				: REDIS_AUTO_CONFIGURATION;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("showcaseHppStore", Map.of(EXCLUDE, exclusions)));
		logger.info("HPP sessions are kept in memory; set hpp.store.type=redis and spring.data.redis.url to keep them"
				+ " in Redis");
	}

}
