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

package io.github.agentprotocols.testsupport;

/**
 * The services that some tests need beyond the JVM, and the rule that keeps them out of
 * the unit-test phase: the build's Surefire configuration sets
 * {@value #UNIT_PHASE_PROPERTY} and excludes the tags, and the fixtures refuse to start
 * there, so a test that needs a service but lacks its annotation fails instead of making
 * {@code ./mvnw test} depend on it.
 */
public final class ExternalServices {

	/** JUnit tag of {@link UsesPostgres}. */
	public static final String POSTGRES_TAG = "postgres";

	/** JUnit tag of {@link UsesRedis}. */
	public static final String REDIS_TAG = "redis";

	/** JUnit tag of {@link UsesRedisCluster}. */
	public static final String REDIS_CLUSTER_TAG = "redis-cluster";

	/** JUnit tag of {@link UsesRedisSentinel}. */
	public static final String REDIS_SENTINEL_TAG = "redis-sentinel";

	/** JUnit tag of {@link UsesRedisTls}. */
	public static final String REDIS_TLS_TAG = "redis-tls";

	/** System property that the build sets to {@code true} in the unit-test phase. */
	public static final String UNIT_PHASE_PROPERTY = "agentprotocols.tests.unit-phase";

	private ExternalServices() {
	}

	static void requireIntegrationPhase(String service, Class<?> annotation) {
		if (Boolean.getBoolean(UNIT_PHASE_PROPERTY)) {
			throw new IllegalStateException(service + " is not available to unit tests: annotate the test class with @"
					+ annotation.getSimpleName() + " so that the build runs it in the integration-test phase"
					+ " (./mvnw verify).");
		}
	}

}
