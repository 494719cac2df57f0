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

import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on a Redis Cluster while every master, one after the other, fails over to
 * its replica ({@code CLUSTER FAILOVER}) under agent traffic: every request is answered,
 * with its result or a {@code 503} to retry, none hangs; no acknowledged write is lost (a
 * manual failover waits until the replica has every write its master acknowledged); both
 * instances serve again without a restart, and a browser watching a session on one
 * instance sees the actions posted to the other once the failovers are over (its sharded
 * subscription followed the slot to the new master).
 */
@UsesRedisCluster
class HppRedisClusterFailoverTests {

	private static final Log logger = LogFactory.getLog(HppRedisClusterFailoverTests.class);

	private static final int SESSIONS = 12;

	private final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	private final RedisCluster cluster = RedisCluster.forFaults();

	private AutoCloseable hold;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeEach
	void start() {
		this.hold = this.cluster.exclusively();
		this.a = instance();
		this.b = instance();
	}

	@AfterEach
	void stop() throws Exception {
		this.a.close();
		this.b.close();
		this.cluster.sync((redis) -> {
			List<String> keys = redis.keys(this.prefix + "*");
			return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
		});
		this.hold.close();
	}

	@Test
	void everyMasterFailsOverUnderTrafficWithoutLosingAnAcknowledgedWrite() throws Exception {
		List<HttpProbe> instances = List.of(new HttpProbe(port(this.a)), new HttpProbe(port(this.b)));
		try (AgentTraffic traffic = AgentTraffic.start(instances, SESSIONS);
				WsProbe browser = traffic.watchFirstSession(port(this.b))) {
			for (String master : this.cluster.masters()) {
				String promoted = this.cluster.failOver(master);
				logger.info("Failed over " + master + " to " + promoted + "; answers so far " + traffic.statuses());
			}
			traffic.stopAfterASecond();
			logger.info("Answers under failover: " + traffic.statuses());
			assertThat(traffic.statuses().keySet())
				.as("every request answered with its result or 503 to retry, in %s", traffic.statuses())
				.containsAnyOf(200)
				.isSubsetOf(200, 503);
			traffic
				.eachRead((sid, acknowledged, read) -> assertThat(read).as("session %s", sid).isEqualTo(acknowledged));
			traffic.assertBrowserHearsTheFirstSession(browser);
		}
	}

	private ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + this.prefix,
					this.cluster.connectionProperty(), "hpp.rate-limit-per-minute=1000000")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
