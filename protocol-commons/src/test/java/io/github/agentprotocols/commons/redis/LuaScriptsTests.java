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

package io.github.agentprotocols.commons.redis;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LuaScripts}.
 */
class LuaScriptsTests {

	@Test
	void joinsResourcesInOrderEachOnItsOwnLines() {
		RedisScript<Long> script = LuaScripts.load(Long.class, LuaScriptsTests.class, "shared.lua", "body.lua");
		assertThat(script.getScriptAsString())
			.isEqualTo("-- shared\nlocal function twice(n) return n * 2 end\nreturn twice(tonumber(ARGV[1]))\n");
		assertThat(script.getResultType()).isEqualTo(Long.class);
		assertThat(script.getSha1()).hasSize(40);
	}

	@Test
	void namesAMissingResource() {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> LuaScripts.load(Long.class, LuaScriptsTests.class, "shared.lua", "missing.lua"))
			.withMessage("Cannot read the Lua script io/github/agentprotocols/commons/redis/missing.lua");
	}

}
