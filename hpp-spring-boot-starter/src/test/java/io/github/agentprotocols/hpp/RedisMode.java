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

package io.github.agentprotocols.hpp;

import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisFixture;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Switches a test application to the Redis store, under a key prefix of its own.
 */
final class RedisMode {

	private RedisMode() {
	}

	static void register(DynamicPropertyRegistry registry) {
		String prefix = prefix();
		registry.add("hpp.store.type", () -> "redis");
		registry.add("hpp.store.key-prefix", () -> prefix);
		RedisFixture.registerRedisProperties(registry);
	}

	/**
	 * The properties of an application started without the test context framework.
	 * @return {@code name=value} pairs
	 */
	static String[] properties() {
		return new String[] { "hpp.store.type=redis", "hpp.store.key-prefix=" + prefix(),
				RedisFixture.connectionProperty() };
	}

	/**
	 * A key prefix no other application of the suite uses.
	 * @return the prefix
	 */
	static String prefix() {
		return "hpp-test-" + UUID.randomUUID() + ":";
	}

}
