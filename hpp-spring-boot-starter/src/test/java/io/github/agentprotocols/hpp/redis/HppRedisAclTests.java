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

package io.github.agentprotocols.hpp.redis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.redis.RedisPermissionException;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.testsupport.RedisAclUser;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The tests of {@link HppRedisInstancesContractTests}, and the throttle of wrong tokens
 * across the instances, with both instances connected as the ACL user that
 * docs/how-to/use-a-redis-acl-user.md lists for HPP and nothing more: Redis denies it
 * nothing.
 */
@UsesRedis
@ExtendWith(OutputCaptureExtension.class)
class HppRedisAclTests extends HppRedisInstancesContractTests {

	static final Path DOCS = Path.of("../docs/how-to/use-a-redis-acl-user.md");

	static RedisAclUser user;

	@BeforeAll
	static void start() {
		user = RedisAclUser.create(DOCS, "hpp", Map.of("hpp:", PREFIX));
		a = aclInstance();
		b = aclInstance();
		httpA = new HttpProbe(port(a));
		httpB = new HttpProbe(port(b));
	}

	@AfterAll
	static void stop() {
		try {
			a.close();
			b.close();
			assertThat(user.denials()).as("ACL LOG of %s", user).isEmpty();
		}
		finally {
			user.close();
			RedisConnections.sync((redis) -> {
				List<String> keys = redis.keys(PREFIX + "*");
				return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
			});
		}
	}

	@Test
	void wrongTokensAreRefusedByBothInstances() {
		Session s = create(httpA);
		String attacker = "203.0.113.30";
		await().atMost(WAIT)
			.until(() -> List.of(httpA, httpB)
				.stream()
				.allMatch((http) -> context(http, s, "wrong", attacker).status() == 429));
		assertThat(context(httpB, s, s.token(), attacker).status()).isEqualTo(429);
		assertThat(context(httpA, s, s.token(), "203.0.113.31").status()).isEqualTo(200);
	}

	@Test
	void redisHealthOfBothInstancesIsUp() {
		for (HttpProbe http : List.of(httpA, httpB)) {
			Reply health = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/actuator/health")));
			assertThat(health.body()).contains("\"redis\":{\"status\":\"UP\"");
		}
	}

	@Test
	void userWithoutACommandOfTheDocsFailsTheStartUpWithAnAnalysisNamingTheProperty(CapturedOutput output) {
		try (RedisAclUser withoutZadd = RedisAclUser.createWithout(DOCS, "hpp", Map.of("hpp:", PREFIX),
				List.of("+zadd"))) {
			Throwable failure = catchThrowable(() -> instance(withoutZadd.properties()));
			assertThat(failure).isInstanceOf(RedisPermissionException.class);
			assertThat(((RedisPermissionException) failure).getDenied())
				.containsExactly("zadd " + PREFIX + "permission-check 1 m");
			assertThat(output).contains("APPLICATION FAILED TO START", "'" + withoutZadd.name() + "'",
					"Denied: zadd " + PREFIX + "permission-check 1 m", "'spring.data.redis.username'",
					"docs/how-to/use-a-redis-acl-user.md");
		}
	}

	private static Reply context(HttpProbe http, Session s, String token, String client) {
		return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/handshake/context/" + s.sid()))
			.header("X-Handshake-Token", token)
			.header("X-Forwarded-For", client));
	}

	private static ConfigurableApplicationContext aclInstance() {
		List<String> properties = new ArrayList<>(List.of(user.properties()));
		properties.addAll(List.of("server.forward-headers-strategy=framework",
				"hpp.limits.max-failed-tokens-per-minute=4", "management.endpoint.health.show-components=always",
				"logging.level.io.github.agentprotocols.commons.redis.RedisPermissionCheck=debug"));
		return instance(properties.toArray(String[]::new));
	}

}
