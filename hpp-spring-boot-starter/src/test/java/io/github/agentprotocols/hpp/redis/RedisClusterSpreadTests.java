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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.UsesRedis;
import io.lettuce.core.cluster.SlotHash;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How HPP's keys spread over a Redis Cluster: each session's keys share one slot, the
 * slot of its bucket, and the sessions' keys spread over every master. Runs on both
 * topologies: on a cluster it counts the keys per master; on a stand-alone server, where
 * all keys live on one node, it checks the slots the keys would take.
 */
@UsesRedis
class RedisClusterSpreadTests {

	private static final Log logger = LogFactory.getLog(RedisClusterSpreadTests.class);

	private static final int SESSIONS = 1000;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private RedisTestConnections connections;

	@BeforeEach
	void connect() {
		this.connections = new RedisTestConnections();
	}

	@AfterEach
	void disconnect() {
		this.connections.close();
	}

	@Test
	void thousandSessionsSpreadOverEveryMaster() {
		RedisSessionStore store = new RedisSessionStore(this.connections.template(), this.connections.keys,
				2 * SESSIONS, 0, Clock.systemUTC());
		List<String> ids = IntStream.range(0, SESSIONS).mapToObj((i) -> "spread-" + i).toList();
		Flux.fromIterable(ids).flatMap((id) -> store.create(session(id)), 32).blockLast(WAIT);
		assertThat(store.count().block(WAIT)).isEqualTo(SESSIONS);
		Map<String, Long> perMaster = RedisConnections.keysPerMaster(this.connections.keys.prefix() + "*");
		long total = perMaster.values().stream().mapToLong(Long::longValue).sum();
		logger.info("Keys of " + SESSIONS + " sessions per master: " + perMaster);
		long buckets = ids.stream().map(RedisKeys::bucket).distinct().count();
		assertThat(total).as("a hash per session, the buckets' expiry indexes and the register")
			.isEqualTo(SESSIONS + buckets + 1);
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			assertThat(perMaster).as("keys per master").hasSize(3);
			perMaster.forEach((master, keys) -> assertThat(keys).as("share of %s in %s", master, perMaster)
				.isPositive()
				.isLessThanOrEqualTo(total * 45 / 100));
		}
		else {
			Set<Integer> slots = RedisConnections.sync((redis) -> redis.keys(this.connections.keys.prefix() + "*"))
				.stream()
				.map(SlotHash::getSlot)
				.collect(Collectors.toSet());
			assertThat(slots).as("the buckets' slots and the register's").hasSize((int) buckets + 1);
		}
	}

	@Test
	void aSessionsKeysChannelAndIndexShareOneSlot() {
		RedisKeys keys = this.connections.keys;
		for (int i = 0; i < 100; i++) {
			String id = UUID.randomUUID().toString();
			List<String> names = List.of(keys.session(id), keys.sessions(id), keys.requests(id), keys.extensions(id),
					keys.fields(id), keys.changes(id), keys.events(id), keys.connections(id), keys.deliveries(id),
					keys.reservations(id), keys.deliverer(id));
			assertThat(names.stream().map(SlotHash::getSlot).distinct()).as(names.toString())
				.containsExactly(SlotHash.getSlot(keys.sessions(RedisKeys.bucket(id))));
		}
	}

	private static HandshakeSession session(String id) {
		return HandshakeSession.open(id, "token", JsonNodeFactory.instance.stringNode("form-fill"),
				JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
				JsonNodeFactory.instance.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), Instant.now());
	}

}
