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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.lime.LimeEvent.Type;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of many login requests, stored through the starter's Redis classes, spread
 * over the Redis Cluster: each request's keys carry the request (or its pending set) as
 * their hash tag, and on a cluster they land on every master, none holding more than 45 %
 * of them.
 */
@SpecItem("LIME-8.7")
@UsesRedis
class RedisKeySpreadTests {

	private static final int REQUESTS = 1_000;

	private static final double MOST_ON_ONE_MASTER = 0.45;

	private final SimulatedClock clock = new SimulatedClock(Instant.now());

	private final LimeRedisConnections redis = new LimeRedisConnections();

	private final RedisKeys keys = this.redis.keys;

	@AfterEach
	void close() {
		this.redis.close();
	}

	/**
	 * On every topology, a passport mark's hash tag is its passport's, a pending
	 * request's its bucket's (chosen by the request id), and the reader's records
	 * (claims, events in flight, last event id) share the stream's; on
	 * {@link RedisTopology#CLUSTER} the pending requests and the passport marks each land
	 * on all three masters, none above 45 %.
	 */
	@Test
	void loginRequestsSpreadOverEveryMasterAndTheReadersRecordsShareOneSlot() {
		List<String> requestIds = store();
		for (String requestId : requestIds) {
			assertThat(hashTag(this.keys.handled(requestId))).isEqualTo("stream");
			assertThat(hashTag(this.keys.passport(passportKey(requestId)))).isEqualTo(passportKey(requestId));
			int bucket = Math.floorMod(requestId.hashCode(), RedisKeys.PENDING_BUCKETS);
			assertThat(hashTag(this.keys.pendingOf(requestId))).isEqualTo(Integer.toString(bucket));
		}
		assertThat(hashTag(this.keys.inFlight())).isEqualTo("stream");
		assertThat(hashTag(this.keys.lastEventId())).isEqualTo("stream");
		List<String> pendingKeys = new ArrayList<>();
		for (int bucket = 0; bucket < RedisKeys.PENDING_BUCKETS; bucket++) {
			pendingKeys.add(this.keys.pending(bucket));
		}
		long pendingEntries = RedisConnections.sync((redis) -> pendingKeys.stream().mapToLong(redis::zcard).sum());
		assertThat(pendingEntries).isEqualTo(REQUESTS);
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			List<Master> masters = masters();
			assertThat(masters).hasSize(3);
			assertSpread("pending requests", masters, (master) -> master.entries(this.keys.prefix() + "pending:*"));
			assertSpread("passport marks", masters, (master) -> master.entries(this.keys.prefix() + "passport:*"));
		}
	}

	private List<String> store() {
		RedisPendingLoginRequests pending = new RedisPendingLoginRequests(this.redis.reactive(), this.keys, this.clock,
				Duration.ofHours(1), 10_000);
		RedisLimeEventLog log = new RedisLimeEventLog(this.redis.reactive(), this.keys, Duration.ofHours(1),
				this.clock);
		RedisPassportReplayStore passports = new RedisPassportReplayStore(this.redis.blocking(), this.keys, this.clock);
		Instant expiresAt = this.clock.instant().plusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
		List<String> requestIds = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			requestIds.add("lr_" + i);
		}
		Flux.fromIterable(requestIds)
			.flatMap((requestId) -> pending.add(requestId, expiresAt)
				.then(log.claim(new LimeEvent(Type.APPROVED, requestId, "jwt", null))), 32)
			.blockLast();
		requestIds.forEach((requestId) -> assertThat(passports.markUsed(passportKey(requestId), expiresAt)).isTrue());
		assertThat(pending.pending().collectList().block()).hasSize(REQUESTS)
			.contains(new PendingLoginRequest("lr_0", expiresAt));
		return requestIds;
	}

	private static String passportKey(String requestId) {
		return "lime-site-login:request_id=" + requestId;
	}

	/**
	 * The hash tag of a key as Redis Cluster reads it: what lies between its first
	 * <code>{</code> and the first <code>}</code> after it, when not empty; else the
	 * whole key.
	 */
	private static String hashTag(String key) {
		int open = key.indexOf('{');
		int close = (open >= 0) ? key.indexOf('}', open + 1) : -1;
		return (close > open + 1) ? key.substring(open + 1, close) : key;
	}

	private static void assertSpread(String what, List<Master> masters, Function<Master, Long> entries) {
		Map<String, Long> perMaster = new LinkedHashMap<>();
		masters.forEach((master) -> perMaster.put(master.address, entries.apply(master)));
		long total = perMaster.values().stream().mapToLong(Long::longValue).sum();
		Map<String, String> shares = new LinkedHashMap<>();
		perMaster
			.forEach((address, count) -> shares.put(address, "%d (%.1f %%)".formatted(count, 100.0 * count / total)));
		System.out.println("Spread of " + what + " over the masters: " + shares);
		assertThat(total).as(what).isEqualTo(REQUESTS);
		assertThat(perMaster.values()).as(what + " per master " + shares)
			.allSatisfy(
					(count) -> assertThat(count).isPositive().isLessThanOrEqualTo((long) (MOST_ON_ONE_MASTER * total)));
	}

	/**
	 * The masters of the cluster with their slot ranges, from {@code CLUSTER NODES}.
	 */
	private static List<Master> masters() {
		String nodes = RedisConnections.sync((redis) -> redis.clusterNodes());
		List<Master> masters = new ArrayList<>();
		for (String line : nodes.split("\n")) {
			String[] fields = line.trim().split(" ");
			if (fields.length < 8 || !fields[2].contains("master") || fields[2].contains("fail")) {
				continue;
			}
			List<int[]> slots = new ArrayList<>();
			for (int i = 8; i < fields.length; i++) {
				if (!fields[i].startsWith("[")) {
					String[] range = fields[i].split("-");
					slots.add(new int[] { Integer.parseInt(range[0]), Integer.parseInt(range[range.length - 1]) });
				}
			}
			if (!slots.isEmpty()) {
				masters.add(new Master(fields[1].substring(0, fields[1].indexOf('@')), slots));
			}
		}
		return masters;
	}

	/**
	 * A master of the cluster and the slots it serves.
	 *
	 * @param address its {@code host:port}
	 * @param slots its slot ranges, first and last slot
	 */
	private record Master(String address, List<int[]> slots) {

		/**
		 * The entries of the keys matching a pattern that this master holds (asked
		 * directly), a sorted set counting its members; each key's slot, asked with
		 * {@code CLUSTER KEYSLOT}, is checked to be one of the master's.
		 */
		long entries(String pattern) {
			return RedisServers.on(this.address, (redis) -> {
				long entries = 0;
				for (String key : redis.keys(pattern)) {
					int slot = redis.clusterKeyslot(key).intValue();
					assertThat(this.slots).as("the slots of %s holding %s (slot %d)", this.address, key, slot)
						.anySatisfy((range) -> assertThat(slot).isBetween(range[0], range[1]));
					entries += "zset".equals(redis.type(key)) ? redis.zcard(key) : 1;
				}
				return entries;
			});
		}

	}

}
