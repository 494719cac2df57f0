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

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, relaying over Redis pub/sub
 * ({@code acp.cluster.transport=redis}).
 */
@UsesRedis
@UsesPostgres
class RedisClusterTests extends ClusterContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(RedisClusterTests.class);

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		a = start();
		b = start();
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
		}
		finally {
			database.close();
		}
	}

	static ClusterInstance start() {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + database.r2dbcUrl(), RedisFixture.connectionProperty(),
				"acp.cluster.transport=redis");
	}

	@Override
	ClusterInstance a() {
		return a;
	}

	@Override
	ClusterInstance b() {
		return b;
	}

	@Test
	void redisIsTheChosenTransport() {
		assertThat(b.relay().transport()).isEqualTo("redis");
		assertThat(b.relay().isListening()).isTrue();
	}

}
