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
