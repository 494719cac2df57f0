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

package io.github.agentprotocols.lime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.agentprotocols.lime.PendingLoginRequest;

import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.integration.redis.util.RedisLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lua script of the LIME Redis stores, loaded from its {@code .lua} resource, is
 * compiled by the real Redis server: a syntax error fails the build, not a login. No
 * script touches keys of two slots: each names one key, and runs on each of its keys (on
 * a Redis Cluster, on the master of the key's slot), as do the scripts of the lease's
 * {@code RedisLockRegistry}.
 */
@SpecItem("LIME-8.7")
@UsesRedis
class RedisScriptsTests {

	private static final Map<String, RedisScript<?>> SCRIPTS = Map.of("add-pending-request.lua",
			RedisPendingLoginRequests.ADD, "pending-requests.lua", RedisPendingLoginRequests.PENDING);

	private final LimeRedisConnections redis = new LimeRedisConnections();

	@AfterEach
	void close() {
		this.redis.close();
	}

	@Test
	void everyScriptLoadsIntoRedisUnderItsSha1() {
		try (RedisConnection connection = this.redis.factory().getConnection()) {
			SCRIPTS.forEach((name, script) -> {
				byte[] text = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
				assertThat(connection.scriptingCommands().scriptLoad(text)).as(name).isEqualTo(script.getSha1());
			});
		}
	}

	@Test
	void everyScriptNamesOneKeyOnly() {
		Pattern key = Pattern.compile("KEYS\\[(\\d+)]");
		SCRIPTS.forEach((name, script) -> {
			Set<String> named = key.matcher(script.getScriptAsString())
				.results()
				.map((match) -> match.group(1))
				.collect(Collectors.toSet());
			assertThat(named).as(name).containsExactly("1");
		});
	}

	@Test
	void pendingRequestScriptsRunOnEveryBucket() {
		RedisPendingLoginRequests pending = new RedisPendingLoginRequests(this.redis.reactive(), this.redis.keys,
				Clock.systemUTC(), Duration.ofHours(1), 100);
		Map<Integer, String> requestPerBucket = new TreeMap<>();
		for (int i = 0; requestPerBucket.size() < RedisKeys.PENDING_BUCKETS; i++) {
			requestPerBucket.putIfAbsent(Math.floorMod(("lr_" + i).hashCode(), RedisKeys.PENDING_BUCKETS), "lr_" + i);
		}
		Instant expiresAt = Instant.now().plusSeconds(60);
		requestPerBucket.values().forEach((requestId) -> pending.add(requestId, expiresAt).block());
		assertThat(pending.pending().map(PendingLoginRequest::requestId).collectList().block())
			.containsExactlyInAnyOrderElementsOf(requestPerBucket.values());
	}

	@Test
	void leaseScriptsRunOnTheLeaseKey() {
		RedisLockRegistry locks = new RedisLockRegistry(this.redis.factory(), this.redis.keys.leases(),
				Duration.ofSeconds(10));
		try {
			Lock lease = locks.obtain(LimeStreamLeadership.ROLE);
			assertThat(lease.tryLock()).isTrue();
			String key = this.redis.keys.leases() + ":" + LimeStreamLeadership.ROLE;
			long keys = RedisConnections.sync((redis) -> redis.exists(key));
			assertThat(keys).isOne();
			locks.renewLock(LimeStreamLeadership.ROLE);
			lease.unlock();
			assertThat(lease.tryLock()).isTrue();
			lease.unlock();
		}
		finally {
			locks.destroy();
		}
	}

}
