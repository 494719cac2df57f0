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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.TracedLettuce;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script of the Redis mode whose request leaves as the script is sent (a WebSocket
 * client breaking the protocol as its action is stored) drops no error, with Lettuce
 * traced by Micrometer as Spring Boot's tracing does it: Lettuce's span stops its
 * observation when the command completes, and a command cancelled before the span has
 * started it made Micrometer throw ({@code Span wasn't started}). Seen on a stand-alone
 * server; a cluster connection completes a cancelled command otherwise.
 */
@UsesRedis
class AbandonedScriptTests {

	private final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	private final RedisConnections connections = new RedisConnections(this.prefix);

	private final TracedLettuce lettuce = new TracedLettuce();

	@AfterEach
	void close() {
		this.connections.close();
		this.lettuce.close();
	}

	@Test
	void scriptsAbandonedAsTheyAreSentDropNoError() {
		// the bound only guards against a hang: the last script's reply waits for the
		// 20,000 before it, which takes longer than hpp.store.timeout on a loaded machine
		ReactiveStringRedisTemplate redis = RetryingRedisTemplate
			.on(this.connections.factory(this.lettuce.clientConfiguration()), Duration.ofMinutes(2));
		RedisScript<String> script = RedisScript.of("return ARGV[1]", String.class);
		List<String> key = List.of(this.prefix + "k");
		for (int i = 0; i < 20000; i++) {
			Disposable call = redis.execute(script, key, List.of("v")).subscribeOn(Schedulers.parallel()).subscribe();
			long until = System.nanoTime() + (i % 100) * 1_000L;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			call.dispose();
		}
		// one connection, one node: its reply comes after those of the scripts before it
		assertThat(redis.execute(script, key, List.of("last")).blockLast(Duration.ofMinutes(3))).isEqualTo("last");
		assertThat(this.lettuce.dropped()).isEmpty();
	}

}
