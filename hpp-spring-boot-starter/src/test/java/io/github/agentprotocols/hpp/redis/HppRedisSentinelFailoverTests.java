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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	private static final Duration WAIT = Duration.ofSeconds(20);

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
		List<Session> sessions = IntStream.range(0, SESSIONS).mapToObj((i) -> create(instances.get(i % 2))).toList();
		Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService agents = Executors.newFixedThreadPool(SESSIONS);
		try (WsProbe browser = connect(port(this.b), sessions.get(0))) {
			List<Future<Object>> traffic = sessions.stream().map((session) -> agents.submit(() -> {
				int value = 0;
				while (running.get()) {
					value++;
					Reply reply = instances.get(value % 2)
						.post("/handshake/action/" + session.sid(), session.token(),
								"{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":" + value
										+ "}]}");
					statuses.merge(reply.status(), 1, Integer::sum);
					if (reply.status() == 200) {
						acknowledged.put(session.sid(), value);
					}
				}
				return null;
			})).toList();
			String old = this.sentinel.master();
			long started = System.nanoTime();
			String promoted = this.sentinel.failOver();
			logger.info("Failed over " + old + " to " + promoted + " in " + (System.nanoTime() - started) / 1_000_000
					+ " ms; answers so far " + statuses);
			Thread.sleep(1000);
			running.set(false);
			for (Future<Object> agent : traffic) {
				agent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			logger.info("Answers under failover: " + statuses);
			assertThat(statuses.keySet()).as("every request answered with its result or 503 to retry, in %s", statuses)
				.containsAnyOf(200)
				.isSubsetOf(200, 503);
			int lost = 0;
			for (Session session : sessions) {
				for (HttpProbe instance : instances) {
					JsonNode context = instance.get("/handshake/context/" + session.sid(), session.token()).json();
					int value = context.at("/context/age/value").asInt();
					assertThat(value).as("session %s", session.sid())
						.isLessThanOrEqualTo(acknowledged.get(session.sid()));
					lost += (value < acknowledged.get(session.sid())) ? 1 : 0;
				}
			}
			logger.info("Sessions whose last acknowledged write the failover lost (reads on both instances): " + lost);
			Session watched = sessions.get(0);
			assertThat(instances.get(0)
				.post("/handshake/action/" + watched.sid(), watched.token(),
						"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":-1}]}")
				.status()).isEqualTo(200);
			assertThat(nextAction(browser, -1)).as("the browser on the other instance still hears the session")
				.isEqualTo("{\"type\":\"action\",\"key\":\"age\",\"value\":-1}");
		}
		finally {
			running.set(false);
			agents.shutdownNow();
		}
	}

	/**
	 * The next action the browser sees, past the traffic's events and the batch's done.
	 */
	private static String nextAction(WsProbe browser, int value) throws InterruptedException {
		JsonNode event = browser.nextEvent(WAIT);
		while (!("action".equals(event.path("type").asString()) && event.path("value").asInt() == value)) {
			event = browser.nextEvent(WAIT);
		}
		return event.toString();
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

	private static Session create(HttpProbe http) {
		JsonNode created = http.create("""
				{"mode":"form-fill","schema":[{"key":"age","type":"int"}],"context":{"age":null}}""");
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	private static WsProbe connect(int port, Session s) throws InterruptedException {
		WsProbe ws = WsProbe.open(port, "/ws/handshake/" + s.sid() + "?token=" + s.token());
		assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
		return ws;
	}

	record Session(String sid, String token) {
	}

}
