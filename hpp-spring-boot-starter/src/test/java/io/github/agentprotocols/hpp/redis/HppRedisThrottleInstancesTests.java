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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application in Redis mode share the per-client throttles: a
 * client's anonymous session creations and wrong tokens count once whichever instance
 * they reach, so the limits hold for the two together, wrong tokens within the one
 * attempt per other instance that a notice in flight allows.
 */
@UsesRedis
@SpecItem("HPP-11.2.5")
class HppRedisThrottleInstancesTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final int LIMIT = 4;

	static final String PREFIX = "hpp-test-" + UUID.randomUUID() + ":";

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static List<HttpProbe> instances;

	@BeforeAll
	static void start() {
		a = instance();
		b = instance();
		instances = List.of(new HttpProbe(port(a)), new HttpProbe(port(b)));
		awaitSubscribed();
	}

	@AfterAll
	static void stop() {
		ReactiveStringRedisTemplate redis = a.getBean(ReactiveStringRedisTemplate.class);
		redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").build()).flatMap(redis::delete).blockLast(WAIT);
		a.close();
		b.close();
	}

	@Test
	void anonymousCreationsSpreadOverBothInstancesAreRefusedPastTheLimitWithTheSameRetryAfter() {
		String client = "203.0.113.20";
		for (int i = 0; i < LIMIT; i++) {
			assertThat(create(instances.get(i % 2), client).status()).as("creation %d", i + 1).isEqualTo(200);
		}
		Reply refusedByA = create(instances.get(0), client);
		Reply refusedByB = create(instances.get(1), client);
		for (Reply refused : List.of(refusedByA, refusedByB)) {
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("error").stringValue()).isEqualTo("too many sessions");
		}
		long retryAfter = retryAfter(refusedByA);
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(retryAfter(refusedByB)).isEqualTo(retryAfter);
		assertThat(create(instances.get(1), "203.0.113.21").status()).as("another client").isEqualTo(200);
	}

	@Test
	void wrongTokensSpreadOverBothInstancesAreRefusedOnceTheLimitIsReachedInTotal() {
		JsonNode session = instances.get(0).create("{}");
		String sid = session.get("sessionId").stringValue();
		String token = session.get("token").stringValue();
		String attacker = "203.0.113.22";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3 * LIMIT; i++) {
			Reply reply = context(instances.get(i % 2), sid, "wrong", attacker);
			statuses.add(reply.status());
			if (reply.status() == 429) {
				assertThat(reply.json().get("error").stringValue()).isEqualTo("rate limit exceeded");
				assertThat(retryAfter(reply)).isBetween(1L, 60L);
			}
		}
		assertThat(statuses.subList(0, LIMIT)).as("%s", statuses).containsOnly(403);
		assertThat(statuses.stream().filter((status) -> status == 403).count())
			.as("at most one attempt beyond the limit on the other instance: %s", statuses)
			.isLessThanOrEqualTo(LIMIT + 1);
		assertThat(statuses.subList(LIMIT + 1, statuses.size())).as("%s", statuses).containsOnly(429);
		for (HttpProbe instance : instances) {
			assertThat(context(instance, sid, token, attacker).status()).as("the right token").isEqualTo(429);
		}
	}

	/**
	 * Waits until both instances hear the throttles' channel: notices of a client of its
	 * own are published until both refuse it.
	 */
	private static void awaitSubscribed() {
		ReactiveStringRedisTemplate redis = a.getBean(ReactiveStringRedisTemplate.class);
		String notice = "failed-tokens " + (System.currentTimeMillis() + 1000) + " 192.0.2.1";
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			redis.convertAndSend(PREFIX + "throttled", notice).block(WAIT);
			return List.of(a, b)
				.stream()
				.allMatch(
						(instance) -> instance.getBean(HppAutoConfiguration.FAILED_TOKEN_THROTTLE, ClientThrottle.class)
							.retryAfterSeconds("192.0.2.1")
							.block() > 0);
		});
	}

	private static Reply create(HttpProbe instance, String client) {
		return instance.send(HttpRequest.newBuilder(URI.create(instance.base() + "/handshake/session"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client));
	}

	private static Reply context(HttpProbe instance, String sid, String token, String client) {
		return instance.send(HttpRequest.newBuilder(URI.create(instance.base() + "/handshake/context/" + sid))
			.GET()
			.header("X-Handshake-Token", token)
			.header("X-Forwarded-For", client));
	}

	private static long retryAfter(Reply reply) {
		return reply.response().headers().firstValueAsLong("Retry-After").orElse(0);
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + PREFIX,
					RedisFixture.connectionProperty(), "server.forward-headers-strategy=framework")
			.run("--hpp.limits.max-anonymous-sessions-per-minute=" + LIMIT,
					"--hpp.limits.max-failed-tokens-per-minute=" + LIMIT);
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
