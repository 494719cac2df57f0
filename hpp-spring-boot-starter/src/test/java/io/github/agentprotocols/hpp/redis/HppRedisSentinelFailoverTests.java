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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on Redis Sentinel ({@code spring.data.redis.sentinel.*}) while the master
 * fails over to its replica ({@code SENTINEL FAILOVER}) under agent traffic: every
 * request is answered, with its result or a {@code 503} to retry, none hangs; both
 * instances serve again without a restart, and a browser watching a session on one
 * instance sees the actions posted to the other after the failover. Replication is
 * asynchronous, so the last acknowledged write of a session may be lost: a session never
 * reads a value newer than its last acknowledged one, and the test logs how many lost
 * theirs.
 */
@UsesRedisSentinel
class HppRedisSentinelFailoverTests {

	private static final Log logger = LogFactory.getLog(HppRedisSentinelFailoverTests.class);

	private static final int SESSIONS = 12;

	private final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	private final RedisSentinel sentinel = RedisSentinel.shared();

	private AutoCloseable hold;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeEach
	void start() {
		this.hold = this.sentinel.exclusively();
		this.a = instance();
		this.b = instance();
	}

	@AfterEach
	void stop() throws Exception {
		this.a.close();
		this.b.close();
		RedisServers.on(this.sentinel.master(), (redis) -> {
			List<String> keys = redis.keys(this.prefix + "*");
			return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
		});
		this.hold.close();
	}

	@Test
	void masterFailsOverUnderTrafficAndEveryRequestIsAnswered() throws Exception {
		List<HttpProbe> instances = List.of(new HttpProbe(port(this.a)), new HttpProbe(port(this.b)));
		try (AgentTraffic traffic = AgentTraffic.start(instances, SESSIONS);
				WsProbe browser = traffic.watchFirstSession(port(this.b))) {
			String old = this.sentinel.master();
			long started = System.nanoTime();
			String promoted = this.sentinel.failOver();
			logger.info("Failed over " + old + " to " + promoted + " in " + (System.nanoTime() - started) / 1_000_000
					+ " ms; answers so far " + traffic.statuses());
			traffic.stopAfterASecond();
			logger.info("Answers under failover: " + traffic.statuses());
			assertThat(traffic.statuses().keySet())
				.as("every request answered with its result or 503 to retry, in %s", traffic.statuses())
				.containsAnyOf(200)
				.isSubsetOf(200, 503);
			AtomicInteger lost = new AtomicInteger();
			traffic.eachRead((sid, acknowledged, read) -> {
				assertThat(read).as("session %s", sid).isLessThanOrEqualTo(acknowledged);
				lost.addAndGet((read < acknowledged) ? 1 : 0);
			});
			logger.info("Sessions whose last acknowledged write the failover lost (reads on both instances): " + lost);
			traffic.assertBrowserHearsTheFirstSession(browser);
		}
	}

	private ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + this.prefix,
					"hpp.rate-limit-per-minute=1000000")
			.properties(this.sentinel.connectionProperties().toArray(String[]::new))
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
