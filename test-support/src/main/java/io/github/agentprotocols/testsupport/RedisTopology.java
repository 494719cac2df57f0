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

import java.util.Locale;

/**
 * How the test Redis is deployed. The build runs every {@link UsesRedis} test class once
 * per topology; a test report's name ends with the topology it ran against.
 */
public enum RedisTopology {

	/** One stand-alone server ({@value RedisFixture#URL_VARIABLE}). */
	STANDALONE,

	/**
	 * A Redis Cluster of three masters with one replica each
	 * ({@value RedisFixture#CLUSTER_NODES_VARIABLE}).
	 */
	CLUSTER;

	static RedisTopology of(String name) {
		if (name == null || name.isBlank()) {
			return STANDALONE;
		}
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Unknown Redis topology '" + name + "' in " + RedisFixture.TOPOLOGY_PROPERTY
					+ ": use standalone or cluster", ex);
		}
	}

}
