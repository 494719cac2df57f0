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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.commons.redis.RedisPermissionException;
import io.github.agentprotocols.testsupport.RedisAclUser;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The relay of two instances over Redis pub/sub ({@code acp.cluster.transport=redis}),
 * connected as the ACL user that docs/how-to/use-a-redis-acl-user.md lists for ACP and
 * nothing more: Redis denies it nothing.
 */
@UsesRedis
@UsesPostgres
@ExtendWith(OutputCaptureExtension.class)
class AcpRedisAclTests extends ClusterContractTests {

	static final Path DOCS = Path.of("../docs/how-to/use-a-redis-acl-user.md");

	static final AcpTestDatabase database = AcpTestDatabase.create(AcpRedisAclTests.class);

	static RedisAclUser user;

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		user = RedisAclUser.create(DOCS, "acp", Map.of());
		a = start(user);
		b = start(user);
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

	static ClusterInstance start(RedisAclUser user) {
		List<String> properties = new ArrayList<>(List.of("spring.r2dbc.url=" + database.r2dbcUrl(),
				RedisFixture.connectionProperty(), "acp.cluster.transport=redis",
				"spring.data.redis.client-name=acp-acl", "management.endpoint.health.show-components=always",
				"logging.level.io.github.agentprotocols.commons.redis.RedisPermissionCheck=debug"));
		properties.addAll(List.of(user.properties()));
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				properties.toArray(String[]::new));
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

	@Test
	void userWithoutACommandOfTheDocsFailsTheStartUpWithAnAnalysisNamingTheProperty(CapturedOutput output) {
		try (RedisAclUser withoutPublish = RedisAclUser.createWithout(DOCS, "acp", Map.of(), List.of("+publish"))) {
			Throwable failure = catchThrowable(() -> start(withoutPublish));
			assertThat(failure).isInstanceOf(RedisPermissionException.class);
			assertThat(((RedisPermissionException) failure).getDenied()).containsExactly("publish acp_broadcast m");
			assertThat(output).contains("APPLICATION FAILED TO START", "'" + withoutPublish.name() + "'",
					"Denied: publish acp_broadcast m", "'spring.data.redis.username'",
					"docs/how-to/use-a-redis-acl-user.md");
		}
	}

}
