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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.UsesRedisCluster;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on a Redis Cluster when a master crashes ({@code SIGKILL} of its process,
 * as a machine failure; the cluster promotes its replica by itself), with two browsers on
 * each of sessions spread over every shard and agents posting actions: every request is
 * answered within {@code hpp.store.timeout}, with its result or a {@code 503} to retry,
 * none left hanging for Lettuce's command timeout; the crashed shard serves again soon
 * after the promotion; every browser of the crashed shard hears its session again, or is
 * told (an {@code error} frame and a close), never left silent; no acknowledged write is
 * lost.
 */
@UsesRedisCluster
class HppRedisClusterCrashTests {

	private static final Log logger = LogFactory.getLog(HppRedisClusterCrashTests.class);

	private static final int AGENTS = 12;

	/** Sessions with browsers on each master at least. */
	private static final int WATCHED_PER_MASTER = 2;

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/** Far beyond what the starter needs, far below Lettuce's 60 s. */
	private static final Duration WAIT = Duration.ofSeconds(20);

	private final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	private final RedisKeys keys = new RedisKeys(this.prefix);

	private final RedisCluster cluster = RedisCluster.forFaults();

	private AutoCloseable hold;

	private RedisCluster.Crash crash;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final List<WsProbe> browsers = new ArrayList<>();

	@BeforeEach
	void start() {
		this.hold = this.cluster.exclusively();
		this.cluster.awaitHealthy();
		this.a = instance();
		this.b = instance();
	}

	@AfterEach
	void stop() throws Exception {
		this.browsers.forEach(WsProbe::close);
		try {
			if (this.crash != null) {
				this.crash.restart(this.cluster);
			}
			this.a.close();
			this.b.close();
			this.cluster.sync((redis) -> {
				List<String> found = redis.keys(this.prefix + "*");
				return found.isEmpty() ? 0L : redis.del(found.toArray(String[]::new));
			});
		}
		finally {
			this.hold.close();
		}
	}

	@Test
	void aCrashedMasterLeavesNoBrowserSilentAndNoRequestHanging() throws Exception {
		List<HttpProbe> instances = List.of(new HttpProbe(port(this.a)), new HttpProbe(port(this.b)));
		List<Watched> watched = watchedOnEveryMaster(instances);
		for (Watched session : watched) {
			session.act(instances.get(0), 0);
			session.assertEveryBrowserHears(0);
		}
		String master = watched.get(0).master();
		List<Watched> crashed = watched.stream().filter((session) -> session.master().equals(master)).toList();
		try (AgentTraffic traffic = AgentTraffic.start(instances, AGENTS)) {
			this.crash = this.cluster.crash(master);
			logger.info("Crashed " + master + ", " + this.crash.promoted() + " promoted after "
					+ this.crash.promotion().toMillis() + " ms; answers so far " + traffic.statuses());
			List<Future<Recovery>> recoveries = new ArrayList<>();
			ExecutorService sessions = Executors.newFixedThreadPool(watched.size());
			try {
				for (Watched session : watched) {
					recoveries.add(sessions.submit(() -> session.recover(instances)));
				}
				long resumed = 0;
				long heard = 0;
				int told = 0;
				int actions = 0;
				for (Future<Recovery> future : recoveries) {
					Recovery recovery = future.get(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
					resumed = Math.max(resumed, recovery.acknowledged() - this.crash.promotedNanos());
					heard = Math.max(heard, recovery.heard() - this.crash.promotedNanos());
					told += recovery.told();
					actions = Math.max(actions, recovery.actions());
				}
				logger.info("Crash of " + master + " (" + crashed.size() + " of " + watched.size()
						+ " watched sessions): promotion " + this.crash.promotion().toMillis()
						+ " ms after the kill; every session acknowledged again " + Duration.ofNanos(resumed).toMillis()
						+ " ms after it; every browser heard again " + Duration.ofNanos(heard).toMillis()
						+ " ms after it (at most " + actions + " actions posted to a session until then), " + told
						+ " told to reconnect");
			}
			finally {
				sessions.shutdownNow();
			}
			traffic.stopAfterASecond();
			logger.info("Crash of " + master + ": longest request " + traffic.longest().toMillis() + " ms; answers "
					+ traffic.statuses());
			assertThat(traffic.statuses().keySet())
				.as("every request answered with its result or 503 to retry, in %s", traffic.statuses())
				.containsAnyOf(200)
				.isSubsetOf(200, 503);
			assertThat(traffic.longest()).as("the longest time to an answer").isLessThan(WAIT);
			traffic
				.eachRead((sid, acknowledged, read) -> assertThat(read).as("session %s", sid).isEqualTo(acknowledged));
			for (Watched session : watched) {
				if (session.browsers().stream().allMatch(WsProbe::isOpen)) {
					assertThat(subscribers(session.sid()))
						.as("instances subscribed to session %s on its slot's master", session.sid())
						.isEqualTo(2);
				}
			}
		}
	}

	/**
	 * Sessions with a browser on each instance, until every master holds
	 * {@value #WATCHED_PER_MASTER} of them.
	 */
	private List<Watched> watchedOnEveryMaster(List<HttpProbe> instances) throws InterruptedException {
		List<String> masters = this.cluster.masters();
		List<Watched> watched = new ArrayList<>();
		for (int i = 0; i < 200 && !masters.stream()
			.allMatch((master) -> watched.stream()
				.filter((w) -> w.master().equals(master))
				.count() >= WATCHED_PER_MASTER); i++) {
			JsonNode created = instances.get(i % 2).create("""
					{"mode":"form-fill","schema":[{"key":"age","type":"int"}],"context":{"age":null}}""");
			String sid = created.get("sessionId").stringValue();
			String token = created.get("token").stringValue();
			String master = masterOf(sid);
			if (watched.stream().filter((w) -> w.master().equals(master)).count() < WATCHED_PER_MASTER) {
				List<WsProbe> browsers = new ArrayList<>();
				for (ConfigurableApplicationContext instance : List.of(this.a, this.b)) {
					WsProbe browser = WsProbe.open(port(instance), "/ws/handshake/" + sid + "?token=" + token);
					this.browsers.add(browser);
					assertThat(browser.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
					browsers.add(browser);
				}
				watched.add(new Watched(sid, token, master, browsers));
			}
		}
		Map<String, Long> perMaster = watched.stream()
			.collect(Collectors.groupingBy(Watched::master, Collectors.counting()));
		assertThat(perMaster).as("watched sessions per master").hasSize(masters.size());
		return watched;
	}

	private String masterOf(String sid) {
		int slot = SlotHash.getSlot(this.keys.events(sid));
		return this.cluster.sync((redis) -> ClusterPartitionParser.parse(redis.clusterNodes())
			.stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.hasSlot(slot))
			.map((node) -> node.getUri().getHost() + ":" + node.getUri().getPort())
			.findFirst()
			.orElseThrow());
	}

	/** Instances subscribed to a session's channel on the master of its slot now. */
	private long subscribers(String sid) {
		String channel = this.keys.events(sid);
		return RedisServers.on(masterOf(sid), (redis) -> redis.pubsubShardNumsub(channel).get(channel));
	}

	/**
	 * Whether a browser hears an action (true), or is told to reconnect: an {@code error}
	 * frame and a close (false); fails when it stays silent.
	 */
	private static boolean hearsOrIsTold(WsProbe browser, int value) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			JsonNode event = browser.nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			String type = event.path("type").asString("");
			if ("action".equals(type) && event.path("value").asInt() == value) {
				return true;
			}
			if ("error".equals(type)) {
				assertThat(browser.awaitClose(WAIT)).as("close after %s", event).isPositive();
				return false;
			}
		}
	}

	private ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(HppTestApplication.class)
			.properties("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=" + this.prefix,
					this.cluster.connectionProperty(), "hpp.rate-limit-per-minute=1000000",
					"hpp.store.timeout=" + TIMEOUT.toMillis() + "ms")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * How a session recovered from the crash.
	 *
	 * @param acknowledged when an action on it was acknowledged again
	 * ({@link System#nanoTime()})
	 * @param heard when the last of its browsers that were not told heard the action
	 * ({@link System#nanoTime()})
	 * @param told how many of its browsers were told to reconnect
	 * @param actions how many actions were posted until every browser heard one or was
	 * told
	 */
	private record Recovery(long acknowledged, long heard, int told, int actions) {

	}

	/**
	 * A session with a browser on each instance, on the master that holds its slot.
	 */
	private record Watched(String sid, String token, String master, List<WsProbe> browsers) {

		void act(HttpProbe instance, int value) {
			assertThat(instance.post("/handshake/action/" + this.sid, this.token, action(value)).status())
				.isEqualTo(200);
		}

		/**
		 * Posts an action through the instances in turn until it is acknowledged, each
		 * attempt answered 200 or 503.
		 * @return when it was acknowledged ({@link System#nanoTime()})
		 */
		long actUntilAcknowledged(List<HttpProbe> instances, int value) throws InterruptedException {
			long deadline = System.nanoTime() + WAIT.toNanos();
			for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
				int status = instances.get(attempt % 2)
					.post("/handshake/action/" + this.sid, this.token, action(value))
					.status();
				if (status == 200) {
					return System.nanoTime();
				}
				assertThat(status).as("answer to an action on session %s", this.sid).isEqualTo(503);
				Thread.sleep(100);
			}
			throw new AssertionError("session " + this.sid + " not served again within " + WAIT);
		}

		/**
		 * Posts actions until each browser hears one or is told to reconnect: an action
		 * acknowledged before an instance subscribed again on the promoted master is not
		 * published to it (pub/sub keeps nothing), so its browsers hear the next one.
		 * @return when the first was acknowledged, when the last browser heard one, how
		 * many were told, how many actions it took
		 */
		Recovery recover(List<HttpProbe> instances) throws Exception {
			long deadline = System.nanoTime() + WAIT.toNanos();
			List<WsProbe> waiting = new ArrayList<>(this.browsers);
			long acknowledged = 0;
			long heard = 0;
			int told = 0;
			int value = 0;
			while (!waiting.isEmpty()) {
				assertThat(System.nanoTime())
					.as("browsers %s of session %s on %s silent within %s",
							waiting.stream().map(this.browsers::indexOf).toList(), this.sid, this.master, WAIT)
					.isLessThan(deadline);
				long at = actUntilAcknowledged(instances, ++value);
				acknowledged = (acknowledged != 0) ? acknowledged : at;
				long round = System.nanoTime() + Duration.ofSeconds(1).toNanos();
				while (!waiting.isEmpty() && System.nanoTime() < round) {
					for (Iterator<WsProbe> browsers = waiting.iterator(); browsers.hasNext();) {
						WsProbe browser = browsers.next();
						Boolean hears = heardOrTold(browser.drain());
						if (hears == Boolean.TRUE) {
							heard = System.nanoTime();
						}
						else if (hears == Boolean.FALSE) {
							assertThat(browser.awaitClose(WAIT)).as("close after an error frame").isPositive();
							told++;
						}
						if (hears != null) {
							browsers.remove();
						}
					}
					Thread.sleep(10);
				}
			}
			return new Recovery(acknowledged, Math.max(heard, acknowledged), told, value);
		}

		/** Whether frames hold an action (true) or an error (false); null if neither. */
		private static @Nullable Boolean heardOrTold(List<JsonNode> frames) {
			for (JsonNode frame : frames) {
				String type = frame.path("type").asString("");
				if ("action".equals(type)) {
					return true;
				}
				if ("error".equals(type)) {
					return false;
				}
			}
			return null;
		}

		void assertEveryBrowserHears(int value) throws Exception {
			for (WsProbe browser : this.browsers) {
				assertThat(hearsOrIsTold(browser, value)).as("browser of session %s hears it", this.sid).isTrue();
			}
		}

		private static String action(int value) {
			return "{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":" + value + "}]}";
		}

	}

}
