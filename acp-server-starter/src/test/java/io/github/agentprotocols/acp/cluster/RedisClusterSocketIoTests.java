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

package io.github.agentprotocols.acp.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.TcpProxy;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances end to end on one PostgreSQL database, relaying over Redis pub/sub
 * ({@code acp.cluster.transport=redis}). On a stand-alone Redis, A reaches it through a
 * TCP proxy, so that a test can keep A's subscriber away from Redis for a while: the
 * events published meanwhile reach A's socket from the store once the subscription is
 * restored. On a Redis Cluster, whose nodes the client learns from the cluster itself and
 * so reaches directly, A's subscriber is killed on the node it lives on and kept away by
 * the relay's backoff alone.
 */
@UsesRedis
@UsesPostgres
class RedisClusterSocketIoTests extends ClusterSocketIoContractTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(RedisClusterSocketIoTests.class);

	static final String clientNameOfA = "acp-cluster-a-" + UUID.randomUUID();

	static @Nullable TcpProxy proxy;

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() throws Exception {
		String redis = RedisFixture.connectionProperty();
		String redisOfA = redis;
		if (RedisFixture.topology() == RedisTopology.STANDALONE) {
			URI url = RedisFixture.url();
			proxy = new TcpProxy(url.getHost(), url.getPort());
			redisOfA = "spring.data.redis.url=redis://127.0.0.1:" + proxy.port();
		}
		a = start(redisOfA, "spring.data.redis.client-name=" + clientNameOfA);
		b = start(redis);
	}

	@AfterAll
	static void stopInstances() throws Exception {
		try {
			a.close();
			b.close();
			if (proxy != null) {
				proxy.close();
			}
		}
		finally {
			database.close();
		}
	}

	static ClusterInstance start(String redis, String... properties) {
		List<String> all = new ArrayList<>(
				List.of("spring.r2dbc.url=" + database.r2dbcUrl(), redis, "acp.cluster.transport=redis"));
		all.addAll(Arrays.asList(properties));
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				all.toArray(String[]::new));
	}

	@Override
	ClusterInstance a() {
		return a;
	}

	@Override
	ClusterInstance b() {
		return b;
	}

	@Test
	void socketOnAReceivesEveryEventOnceInOrderAfterTheSubscriberOfAWasKilled() throws Exception {
		String thread = a.createThread("alice");
		Joined joined = joinOnA(thread);
		String beforeKill = b.postMessage("alice", thread, "before the kill").get("id").stringValue();
		joined.socket().awaitReceived("event", (event) -> event.get("id").stringValue().equals(beforeKill));
		if (proxy != null) {
			proxy.refuse();
		}
		try {
			// A's pub/sub connection may be doubled for a moment (two listed in
			// rehearsals,
			// on both topologies, the cause not found): every one of them is killed
			assertThat(RedisServers.ofTopology().killSubscribers(clientNameOfA)).isPositive();
			postConcurrently(b, thread, 2, 3);
			String run = b.invoke("alice", thread, "echo");
			await().atMost(ClusterContractTests.WAIT).until(() -> b.runStatus("alice", run).equals("completed"));
		}
		finally {
			if (proxy != null) {
				proxy.restore();
			}
		}
		assertReceivedOnceInLogOrder(joined, b);
	}

}
