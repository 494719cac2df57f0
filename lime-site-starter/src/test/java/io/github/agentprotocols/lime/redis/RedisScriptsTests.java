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
import java.util.Map;

import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lua script of the LIME Redis stores, loaded from its {@code .lua} resource, is
 * compiled by the real Redis server: a syntax error fails the build, not a login.
 */
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

}
