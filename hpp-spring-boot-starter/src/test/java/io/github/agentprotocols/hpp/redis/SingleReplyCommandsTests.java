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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the session store and the broadcast send on the shared connection is
 * answered in one reply. Lettuce's reactive API streams the replies of commands such as
 * {@code HMGET}, {@code HVALS} and {@code ZRANGEBYSCORE} element by element, and can stop
 * reading the shared connection when such a reply arrives split while its subscriber is
 * still being set up on another thread: every later command, and the HTTP request waiting
 * on it, then hangs until a client gives up.
 */
@UsesRedis
class SingleReplyCommandsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final RedisTestConnections connections = new RedisTestConnections();

	@AfterEach
	void close() {
		this.connections.close();
	}

	@Test
	void sessionStoreNeverAsksForAStreamedReply() {
		Clock clock = Clock.systemUTC();
		LettuceConnectionFactory factory = this.connections.factory();
		RedisCommandRecorder commands = RedisCommandRecorder.attachTo(factory.getNativeClient());
		RedisSessionStore store = new RedisSessionStore(new ReactiveStringRedisTemplate(factory), this.connections.keys,
				10, 10, clock);
		HandshakeSession session = largeSession(clock.instant());
		store.create(session).block(WAIT);
		assertThat(store.update(session.getId(), HandshakeSession::getId).block(WAIT)).isEqualTo(session.getId());
		assertThat(store.update(session.getId(), (stored) -> {
			stored.touch(clock.instant());
			return stored.getRequests().tryAcquire(clock.instant(), 60);
		}).block(WAIT)).isTrue();
		assertThat(store.count().block(WAIT)).isOne();
		assertThat(store.removeExpired(clock.instant().plus(Duration.ofDays(2))).collectList().block(WAIT))
			.containsExactly(session.getId());
		assertThat(store.update(session.getId(), HandshakeSession::getId).blockOptional(WAIT)).isEmpty();
		assertThat(commands.sent()).contains("EVALSHA", "ZCOUNT");
		assertThat(commands.streamed()).isEmpty();
	}

	@Test
	void broadcastNeverAsksForAStreamedReply() {
		LettuceConnectionFactory factory = this.connections.factory();
		RedisCommandRecorder commands = RedisCommandRecorder.attachTo(factory.getNativeClient());
		RedisSessionBroadcast broadcast = new RedisSessionBroadcast(factory, Duration.ofSeconds(5),
				this.connections.keys, Duration.ofMillis(500), Duration.ofMinutes(5));
		try {
			assertThat(broadcast.connections("s").block(WAIT)).isZero();
			Disposable first = broadcast.subscribe("s", HandshakeEvent.heartbeat()).subscribe();
			Disposable second = broadcast.subscribe("s", HandshakeEvent.heartbeat()).subscribe();
			try {
				assertThat(awaitConnections(broadcast, 2)).isEqualTo(2);
			}
			finally {
				first.dispose();
				second.dispose();
			}
			assertThat(commands.sent()).contains("EVALSHA");
			assertThat(commands.streamed()).isEmpty();
		}
		finally {
			broadcast.destroy();
		}
	}

	private int awaitConnections(RedisSessionBroadcast broadcast, int expected) {
		Instant deadline = Instant.now().plus(WAIT);
		int connections = broadcast.connections("s").block(WAIT);
		while (connections != expected && Instant.now().isBefore(deadline)) {
			sleep();
			connections = broadcast.connections("s").block(WAIT);
		}
		return connections;
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static HandshakeSession largeSession(Instant now) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		return HandshakeSession.open(UUID.randomUUID().toString().replace("-", ""), "token",
				json.stringNode("x".repeat(8_000)), json.arrayNode(), json.objectNode(), json.objectNode(),
				Duration.ofMinutes(30), Duration.ofHours(24), now);
	}

}
