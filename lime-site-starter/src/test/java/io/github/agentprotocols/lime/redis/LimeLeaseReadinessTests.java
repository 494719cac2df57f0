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

import io.github.agentprotocols.commons.availability.ReadinessCheck;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The instance that holds the stream's lease refuses traffic once it lost the lease and
 * cannot reach Redis to take it again (no instance may be reading the stream); a standby
 * that never held it stays ready; both are ready again once Redis is back and one of them
 * holds the lease. The Redis is a server of the test's own, killed and started again.
 */
@UsesRedisProcess
class LimeLeaseReadinessTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration LEASE = Duration.ofSeconds(2);

	private FakeLimeApi fake;

	private RedisServerProcess redis;

	private ClusterInstances instances;

	@BeforeEach
	void start() {
		this.fake = FakeLimeApi.builder().start();
		this.redis = RedisServerProcess.start();
		this.instances = new ClusterInstances(this.fake, LEASE, this.redis);
	}

	@AfterEach
	void stop() {
		this.instances.close();
		this.fake.close();
		this.redis.close();
	}

	@Test
	void holderRefusesTrafficWhileItsLeaseIsLostAndRedisOutOfReach() {
		ConfigurableApplicationContext holder = this.instances.start("lime-holder", true);
		await().atMost(WAIT).until(() -> leads(holder));
		ConfigurableApplicationContext standby = this.instances.start("lime-standby", true);
		assertThat(leads(standby)).isFalse();
		assertReady(holder, standby);

		this.redis.kill();
		await().atMost(WAIT).until(() -> readiness(holder) == ReadinessState.REFUSING_TRAFFIC);
		assertThat(holder.getBean(LimeStreamLease.class).isLost()).isTrue();
		assertThat(readiness(standby)).as("a standby that never held the lease")
			.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

		this.redis.restart();
		await().atMost(WAIT).until(() -> leads(holder) || leads(standby));
		await().atMost(WAIT).untilAsserted(() -> assertReady(holder, standby));
		assertThat(holder.getBean(LimeStreamLease.class).isLost()).isFalse();
	}

	@Test
	void holderStaysReadyWhenTheApplicationOptsOut() {
		this.instances.addProperties("lime.cluster.readiness=false");
		ConfigurableApplicationContext holder = this.instances.start("lime-holder", true);
		await().atMost(WAIT).until(() -> leads(holder));
		assertThat(holder.getBeansOfType(ReadinessCheck.class)).as("no lease check to read")
			.doesNotContainKey("limeLeaseReadiness");
		this.redis.kill();
		await().atMost(WAIT).until(() -> holder.getBean(LimeStreamLease.class).isLost());
		assertThat(readiness(holder)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		this.redis.restart();
	}

	private static void assertReady(ConfigurableApplicationContext... instances) {
		for (ConfigurableApplicationContext instance : instances) {
			assertThat(readiness(instance)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	private static ReadinessState readiness(ConfigurableApplicationContext instance) {
		return instance.getBean(ApplicationAvailability.class).getReadinessState();
	}

}
