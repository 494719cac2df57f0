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

package io.github.agentprotocols.hpp;

import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.testsupport.OwnReactorResources;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket connection left idle for longer than the reference's 60 s idle close, with
 * the default heartbeat interval: it stays open, receives heartbeats and still gets
 * events afterwards, with sessions and events in memory, in one Redis server and in a
 * Redis Cluster (sharded pub/sub). The class runs beside the other classes of the build's
 * {@code services} execution (which enables JUnit's parallel execution; only this class
 * is concurrent), its three tests at once, so that their connections idle through the
 * same minute while the others run; for that the class covers both Redis topologies
 * itself, and the build leaves it out of its {@code redis-cluster} execution. Its
 * applications have Reactor Netty resources of their own, so that no other class closing
 * its application ends their event loops; the classes that watch the JVM's Reactor
 * schedulers take {@link #SCHEDULERS} to run apart from it.
 */
@UsesRedis
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = HandshakeIdleConnectionIT.SCHEDULERS, mode = ResourceAccessMode.READ)
class HandshakeIdleConnectionIT {

	/**
	 * The lock on the JVM's Reactor schedulers: held for reading by this class, whose
	 * applications schedule work there, and for writing by a class that checks what runs
	 * there.
	 */
	static final String SCHEDULERS = "reactor-schedulers";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ConfigurableApplicationContext memory;

	private static ConfigurableApplicationContext redis;

	private static ConfigurableApplicationContext redisCluster;

	@BeforeAll
	static void start() {
		memory = start("hpp.store.type=memory");
		redis = start("hpp.store.type=redis", "hpp.store.key-prefix=" + RedisMode.prefix(),
				"spring.data.redis.url=" + RedisFixture.url());
		redisCluster = start("hpp.store.type=redis", "hpp.store.key-prefix=" + RedisMode.prefix(),
				RedisCluster.shared().connectionProperty());
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { memory, redis,
				redisCluster }) {
			if (app != null) {
				app.close();
			}
		}
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	@SpecItem("HPP-12.27")
	@SpecItem("HPP-A1")
	void connectionSurvivesMoreThanAMinuteOfSilence() throws Exception {
		assertConnectionSurvivesMoreThanAMinuteOfSilence(memory);
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	@SpecItem("HPP-12.27")
	@SpecItem("HPP-A1")
	void connectionSurvivesMoreThanAMinuteOfSilenceWithRedis() throws Exception {
		assertConnectionSurvivesMoreThanAMinuteOfSilence(redis);
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	@SpecItem("HPP-12.27")
	@SpecItem("HPP-A1")
	void connectionSurvivesMoreThanAMinuteOfSilenceWithRedisCluster() throws Exception {
		assertConnectionSurvivesMoreThanAMinuteOfSilence(redisCluster);
	}

	private void assertConnectionSurvivesMoreThanAMinuteOfSilence(ConfigurableApplicationContext app) throws Exception {
		int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpProbe http = new HttpProbe(port);
		JsonNode created = http.create("{\"mode\":\"form-fill\"}");
		String sid = created.get("sessionId").stringValue();
		String token = created.get("token").stringValue();
		try (WsProbe ws = WsProbe.open(port, "/ws/handshake/" + sid + "?token=" + token)) {
			assertThat(ws.next(WAIT).get("type").stringValue()).isEqualTo("connected");
			Thread.sleep(Duration.ofSeconds(70).toMillis());
			assertThat(ws.isOpen()).isTrue();
			List<JsonNode> idle = ws.drain();
			assertThat(idle).hasSizeGreaterThanOrEqualTo(2)
				.allMatch((frame) -> frame.toString().equals("{\"type\":\"heartbeat\"}"));
			http.post("/handshake/action/" + sid, token,
					"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"intervalMs\":0}");
			assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("action");
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(HppTestApplication.class).properties("server.port=0")
			.properties(properties)
			.initializers(new OwnReactorResources())
			.run();
	}

}
