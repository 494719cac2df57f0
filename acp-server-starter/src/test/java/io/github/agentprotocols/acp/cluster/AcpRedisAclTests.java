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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.RedisAclUser;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay of two instances over Redis pub/sub ({@code acp.cluster.transport=redis}),
 * connected as the ACL user that docs/operations.md lists for ACP and nothing more:
 * Redis denies it nothing.
 */
@UsesRedis
@UsesPostgres
class AcpRedisAclTests extends ClusterContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(AcpRedisAclTests.class);

	static RedisAclUser user;

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		user = RedisAclUser.create(Path.of("../docs/operations.md"), "acp", Map.of());
		a = start();
		b = start();
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
			assertThat(user.denials()).as("ACL LOG of %s", user).isEmpty();
		}
		finally {
			user.close();
			database.close();
		}
	}

	static ClusterInstance start() {
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				"spring.r2dbc.url=" + database.r2dbcUrl(), RedisFixture.connectionProperty(),
				"acp.cluster.transport=redis", "spring.data.redis.client-name=acp-acl",
				"management.endpoint.health.show-components=always", user.properties()[0], user.properties()[1]);
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
	void redisHealthOfBothInstancesIsUp() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (ClusterInstance instance : List.of(a, b)) {
			HttpResponse<String> health = client.send(
					HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.body()).contains("\"redis\":{\"status\":\"UP\"");
		}
	}

}
