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

package io.github.agentprotocols.acp.cluster;

import java.util.List;

import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;

/**
 * The span tree across two instances relaying over Redis pub/sub: the trace travels in
 * the published message.
 */
@UsesRedis
@UsesPostgres
class RedisClusterTracingTests extends ClusterTracingContractTests {

	@Override
	List<String> transportProperties() {
		return List.of(RedisFixture.connectionProperty(), "acp.cluster.transport=redis");
	}

	@Override
	String transport() {
		return "redis";
	}

}
