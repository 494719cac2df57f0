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

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTopology;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Login outcomes broadcast over Redis pub/sub reach every instance, on a Redis Cluster
 * too (where each subscriber is connected to one node of its own and a message published
 * on any node is forwarded to every node), also after an instance lost its subscription's
 * connection, as when the node it was subscribed on fails over.
 */
@SpecItem("LIME-8.7")
@UsesRedis
class RedisLoginBroadcastTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final String name = "lime-broadcast-test-" + UUID.randomUUID();

	private final LimeRedisConnections redis = new LimeRedisConnections();

	private final LettuceConnectionFactory named = namedFactory(this.name);

	private final BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();

	private final RedisLoginBroadcast a = new RedisLoginBroadcast(this.named, this.redis.keys,
			(requestId, passportJwt) -> this.heardByA.add(requestId), WAIT);

	private final RedisLoginBroadcast b = new RedisLoginBroadcast(this.redis.factory(), this.redis.keys,
			(requestId, passportJwt) -> this.heardByB.add(requestId), WAIT);

	@AfterEach
	void close() {
		this.a.stop();
		this.b.stop();
		this.named.destroy();
		this.redis.close();
	}

	@Test
	void outcomeReachesEveryInstanceAlsoAfterItsSubscriptionWasCutOff() throws InterruptedException {
		this.a.start();
		this.b.start();
		await().atMost(WAIT).until(() -> RedisServers.ofTopology().subscribers(this.redis.keys.logins()) == 2);
		this.b.broadcast("lr_1", "jwt");
		assertThat(this.heardByA.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_1");
		assertThat(this.heardByB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_1");

		assertThat(RedisServers.ofTopology().killClients(this.name)).isPositive();
		await().atMost(WAIT).until(() -> RedisServers.ofTopology().subscribers(this.redis.keys.logins()) == 2);
		this.b.broadcast("lr_2", null);
		assertThat(this.heardByA.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_2");
		assertThat(this.heardByB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("lr_2");
	}

	/**
	 * A connection factory for this JVM's topology whose connections carry a client name
	 * of their own, to cut them off.
	 */
	private static LettuceConnectionFactory namedFactory(String name) {
		RedisConfiguration configuration;
		if (RedisFixture.topology() == RedisTopology.CLUSTER) {
			configuration = new RedisClusterConfiguration(RedisCluster.shared().nodes());
		}
		else {
			URI url = RedisFixture.url();
			configuration = new RedisStandaloneConfiguration(url.getHost(), url.getPort());
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration,
				LettuceClientConfiguration.builder().clientName(name).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
