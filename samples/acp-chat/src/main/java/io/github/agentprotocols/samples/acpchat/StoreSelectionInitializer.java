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

package io.github.agentprotocols.samples.acpchat;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps the sample's threads in memory unless {@code spring.r2dbc.url} is set: without a
 * URL it excludes Spring Boot's R2DBC auto-configuration, which would otherwise refuse to
 * start without one, so the ACP starter falls back to its in-memory store; with a URL the
 * starter chooses PostgreSQL and applies its schema. Registered in this sample's
 * {@code META-INF/spring.factories}, and in the showcase's, which serves the same chat.
 */
public class StoreSelectionInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String R2DBC_AUTO_CONFIGURATION = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration";

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final Log logger = LogFactory.getLog(StoreSelectionInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
			logger.info("ACP threads are kept in PostgreSQL (spring.r2dbc.url)");
			return;
		}
		String excluded = environment.getProperty(EXCLUDE, "");
		String exclusions = StringUtils.hasText(excluded) ? excluded + "," + R2DBC_AUTO_CONFIGURATION
				: R2DBC_AUTO_CONFIGURATION;
		environment.getPropertySources().addFirst(new MapPropertySource("acpChatStore", Map.of(EXCLUDE, exclusions)));
		logger.info("ACP threads are kept in memory; set spring.r2dbc.url to keep them in PostgreSQL");
	}

}
