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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.ApplicationProcess;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one Redis (a server of the test's own) while agents post actions and
 * user edits to both, and the sessions' browsers watch on one of them, which is then
 * killed with {@code SIGKILL} (a JVM of its own): the browsers see their sockets drop,
 * reconnect to the other instance, read the session there with every change acknowledged
 * until then, and end with the session's current state; every change answered
 * {@code 200}, before or after the kill, is kept; the requests sent after the kill are
 * all answered by the survivor.
 */
@UsesRedisProcess
class HppInstanceKilledTests {

	private static final Log logger = LogFactory.getLog(HppInstanceKilledTests.class);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final int SESSIONS = 6;

	private final String prefix = "hpp-test-" + UUID.randomUUID() + ":";

	private RedisServerProcess redis;

	private ApplicationProcess victim;

	private ConfigurableApplicationContext survivor;

	private final List<Long> dropped = new CopyOnWriteArrayList<>();

	private long killing;

	@BeforeEach
	void start() {
		this.redis = RedisServerProcess.start();
		// side by side: each takes seconds on a busy machine
		CompletableFuture<ConfigurableApplicationContext> survivor = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(HppTestApplication.class).properties(properties()).run());
		try {
			this.victim = ApplicationProcess.start("hpp-victim", HppTestApplication.class, properties());
		}
		finally {
			this.survivor = survivor.join();
		}
	}

	@AfterEach
	void stop() {
		this.victim.close();
		this.survivor.close();
		this.redis.close();
	}

	private String[] properties() {
		return new String[] { "server.port=0", "spring.main.banner-mode=off", "hpp.store.type=redis",
				"hpp.store.key-prefix=" + this.prefix, "spring.data.redis.url=" + this.redis.url(),
				"hpp.rate-limit-per-minute=1000000", "hpp.limits.max-fields=100000" };
	}

	@Test
	void browsersOfAKilledInstanceReconnectToTheOtherAndNoAcknowledgedChangeIsLost() throws Exception {
		int survivorPort = this.survivor.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpProbe onVictim = new HttpProbe(this.victim.port());
		HttpProbe onSurvivor = new HttpProbe(survivorPort);
		List<Session> sessions = IntStream.range(0, SESSIONS)
			.mapToObj((i) -> Session.create((i % 2 == 0) ? onVictim : onSurvivor))
			.toList();
		List<WsProbe> browsers = new ArrayList<>();
		for (Session session : sessions) {
			browsers.add(connect(this.victim.port(), session));
		}
		AtomicBoolean killed = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		Load load = new Load();
		ExecutorService agents = Executors.newFixedThreadPool(SESSIONS);
		ExecutorService reconnects = Executors.newFixedThreadPool(SESSIONS);
		try {
			List<Future<?>> traffic = sessions.stream()
				.<Future<?>>map((session) -> agents.submit(() -> load.drive(session, running,
						(n) -> (killed.get() || n % 2 == 0) ? onSurvivor : onVictim, onVictim)))
				.toList();
			await().atMost(WAIT).until(() -> load.acknowledged.get() >= 60);
			this.killing = System.nanoTime();
			this.victim.kill();
			killed.set(true);
			long killedAfter = millisSince(this.killing);
			int acknowledgedAtKill = load.acknowledged.get();
			// each browser on its own, as browsers do
			List<Future<WsProbe>> reconnecting = IntStream.range(0, SESSIONS)
				.mapToObj((i) -> reconnects.submit(() -> reconnect(browsers.get(i), sessions.get(i), survivorPort,
						onSurvivor, load.changes(sessions.get(i)))))
				.toList();
			List<WsProbe> reconnected = new ArrayList<>();
			for (Future<WsProbe> browser : reconnecting) {
				reconnected.add(browser.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS));
			}
			long allReconnected = millisSince(this.killing);
			browsers.addAll(reconnected);
			int acknowledgedAtReconnect = load.acknowledged.get();
			await().atMost(WAIT).until(() -> load.acknowledged.get() >= acknowledgedAtReconnect + 60);
			running.set(false);
			for (Future<?> agent : traffic) {
				agent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			logger.info("Killed " + this.victim + " in " + killedAfter + " ms; the browsers saw their sockets drop "
					+ this.dropped + " ms after the kill, all had reconnected and read their sessions " + allReconnected
					+ " ms after it; changes acknowledged " + acknowledgedAtKill + " before the kill, "
					+ load.acknowledged + " in all; requests to the victim left unanswered " + load.unanswered
					+ "; answers of the survivor " + load.survivorAnswers);

			assertThat(load.survivorAnswers.keySet()).as("the survivor's answers").containsOnly(200);
			assertThat(load.survivorFailures).as("requests to the survivor that failed").hasValue(0);
			for (int i = 0; i < SESSIONS; i++) {
				Session session = sessions.get(i);
				JsonNode context = onSurvivor.get("/handshake/context/" + session.sid(), session.token())
					.json()
					.get("context");
				load.changes(session)
					.forEach((key, value) -> assertThat(context.at("/" + key + "/value").asInt())
						.as("acknowledged change %s of session %s", key, session.sid())
						.isEqualTo(value));
				int age = load.changes(session).get("age");
				assertThat(context.at("/age/value").asInt()).isEqualTo(age);
				assertThat(lastAge(reconnected.get(i), age)).as("the browser ends with the session's current state")
					.isEqualTo(age);
			}
		}
		finally {
			running.set(false);
			agents.shutdownNow();
			reconnects.shutdownNow();
			browsers.forEach(WsProbe::close);
		}
	}

	/**
	 * What a browser does when its socket drops: connect to the other instance, then read
	 * the session there, which must hold every change acknowledged before.
	 * @return the new socket
	 */
	private WsProbe reconnect(WsProbe dropped, Session session, int port, HttpProbe http,
			Map<String, Integer> acknowledged) throws Exception {
		assertThat(dropped.awaitClose(WAIT)).as("the browser's socket dropped").isNotEqualTo(1000);
		this.dropped.add(millisSince(this.killing));
		Set<String> acknowledgedBefore = Set.copyOf(acknowledged.keySet());
		WsProbe browser = connect(port, session);
		JsonNode context = http.get("/handshake/context/" + session.sid(), session.token()).json().get("context");
		assertThat(acknowledgedBefore).as("acknowledged changes read on reconnecting, session %s", session.sid())
			.allSatisfy((key) -> assertThat(context.has(key)).as(key).isTrue());
		return browser;
	}

	/**
	 * Reads the browser's events until the action that sets {@code age} to the given
	 * value, and returns that value; fails if it never comes.
	 */
	private static int lastAge(WsProbe browser, int age) throws InterruptedException {
		JsonNode event = browser.nextEvent(WAIT);
		while (!("action".equals(event.path("type").asString()) && "age".equals(event.path("key").asString())
				&& event.path("value").asInt() == age)) {
			event = browser.nextEvent(WAIT);
		}
		return event.path("value").asInt();
	}

	private static WsProbe connect(int port, Session session) throws InterruptedException {
		WsProbe ws = WsProbe.open(port, "/ws/handshake/" + session.sid() + "?token=" + session.token());
		assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
		return ws;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/**
	 * One agent per session posting actions ({@code age} and a key of their own, to the
	 * instance {@code route} names) and, every third request, a user edit; what is
	 * answered {@code 200} is remembered as acknowledged.
	 */
	private static final class Load {

		final AtomicInteger acknowledged = new AtomicInteger();

		final AtomicInteger unanswered = new AtomicInteger();

		final AtomicInteger survivorFailures = new AtomicInteger();

		final Map<Integer, Integer> survivorAnswers = new ConcurrentHashMap<>();

		private final Map<String, Map<String, Integer>> changes = new ConcurrentHashMap<>();

		Map<String, Integer> changes(Session session) {
			return this.changes.computeIfAbsent(session.sid(), (sid) -> new ConcurrentHashMap<>());
		}

		void drive(Session session, AtomicBoolean running, IntFunction<HttpProbe> route, HttpProbe victim) {
			Map<String, Integer> changes = changes(session);
			for (int n = 1; running.get(); n++) {
				HttpProbe instance = route.apply(n);
				boolean edit = n % 3 == 0;
				String path = (edit ? "/handshake/notify/" : "/handshake/action/") + session.sid();
				String body = edit ? "{\"key\":\"u" + n + "\",\"value\":" + n + "}"
						: "{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":" + n
								+ "},{\"type\":\"set\",\"key\":\"a" + n + "\",\"value\":" + n + "}]}";
				Reply reply;
				try {
					reply = instance.post(path, edit ? null : session.token(), body);
				}
				catch (IllegalStateException ex) {
					(instance == victim ? this.unanswered : this.survivorFailures).incrementAndGet();
					continue;
				}
				if (instance != victim) {
					this.survivorAnswers.merge(reply.status(), 1, Integer::sum);
				}
				if (reply.status() == 200) {
					if (edit) {
						changes.put("u" + n, n);
					}
					else {
						changes.put("a" + n, n);
						changes.put("age", n);
					}
					this.acknowledged.incrementAndGet();
				}
			}
		}

	}

	record Session(String sid, String token) {

		static Session create(HttpProbe http) {
			JsonNode created = http.create("""
					{"mode":"form-fill","schema":[{"key":"age","type":"int"}],"context":{"age":null}}""");
			return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
		}

	}

}
