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

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lua script of the Redis mode compiles in the real Redis: {@code SCRIPT LOAD}
 * answers the SHA1 the client sends with {@code EVALSHA}, so a syntax error in a
 * {@code .lua} resource, or in the way its functions are joined, fails the build rather
 * than the first request that runs it.
 */
@UsesRedis
class RedisScriptsLoadTests {

	private static final List<Class<?>> SCRIPT_HOLDERS = List.of(SessionScripts.class, SessionRegisters.class,
			RedisPacedDelivery.class, RedisSessionBroadcast.class, RedisClientThrottle.class);

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void connect() {
		client = RedisClient.create(RedisFixture.url().toString());
		connection = client.connect();
	}

	@AfterAll
	static void disconnect() {
		connection.close();
		client.shutdown();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void redisLoadsTheScriptUnderItsSha1(String name, RedisScript<?> script) {
		assertThat(connection.sync().scriptLoad(script.getScriptAsString())).as(name).isEqualTo(script.getSha1());
	}

	@Test
	void everyScriptResourceIsAScriptOfTheRedisMode() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/agentprotocols/hpp/redis/*-*.lua");
		assertThat(resources).hasSize(scripts().toList().size());
	}

	static Stream<Arguments> scripts() {
		List<Arguments> scripts = new ArrayList<>();
		for (Class<?> holder : SCRIPT_HOLDERS) {
			Arrays.stream(holder.getDeclaredFields())
				.filter((field) -> Modifier.isStatic(field.getModifiers()))
				.filter((field) -> RedisScript.class.isAssignableFrom(field.getType()))
				.forEach((field) -> scripts
					.add(Arguments.of(holder.getSimpleName() + "." + field.getName(), value(field))));
		}
		return scripts.stream();
	}

	private static RedisScript<?> value(Field field) {
		try {
			field.setAccessible(true);
			return (RedisScript<?>) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
