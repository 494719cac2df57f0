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

package io.github.agentprotocols.acp.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up that failed because Spring Boot's R2DBC auto-configuration found no
 * {@code spring.r2dbc.url}, naming both stores the x64acp starter can keep threads in.
 * Ordered before Spring Boot's own analysis of that failure, which knows nothing of the
 * in-memory store. The starter does not fall back to memory by itself: an application
 * that puts a PostgreSQL driver on its class path and forgets the URL would otherwise
 * lose its threads at every restart without being told.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AcpStoreUnconfiguredFailureAnalyzer implements FailureAnalyzer {

	/** Spring Boot's package-private exception for a connection factory without a URL. */
	static final String UNCONFIGURED = "org.springframework.boot.r2dbc.autoconfigure."
			+ "ConnectionFactoryOptionsInitializer$ConnectionFactoryBeanCreationException";

	static final String R2DBC_AUTO_CONFIGURATION = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration";

	private final Environment environment;

	AcpStoreUnconfiguredFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		if (!this.environment.getProperty("acp.enabled", Boolean.class, true)) {
			return null;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().equals(UNCONFIGURED)) {
				return analysis(cause);
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(Throwable cause) {
		return new FailureAnalysis(
				"Spring Boot's R2DBC auto-configuration could not create a ConnectionFactory for"
						+ " the x64acp store: no spring.r2dbc.url is set (" + cause.getMessage() + ").",
				"Choose where x64acp keeps its threads. PostgreSQL: set spring.r2dbc.url, for example"
						+ " r2dbc:postgresql://user:password@localhost:5432/database. Memory (lost on restart, one"
						+ " instance): exclude Spring Boot's R2DBC auto-configuration with"
						+ " spring.autoconfigure.exclude=" + R2DBC_AUTO_CONFIGURATION
						+ ", or take org.springframework.boot:spring-boot-r2dbc off the class path.",
				cause);
	}

}
