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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.WsProbe;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents of form-fill sessions on two HPP instances, one agent a session, each setting
 * its session's {@code age} to 1, 2, 3... through the two instances in turn, until
 * stopped: how every request was answered, and each session's last acknowledged value. A
 * browser may watch a session on one instance while the traffic goes to both.
 */
final class AgentTraffic implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final List<HttpProbe> instances;

	private final List<Session> sessions;

	private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

	private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong longestNanos = new AtomicLong();

	private final ExecutorService agents;

	private final List<Future<Object>> traffic;

	private AgentTraffic(List<HttpProbe> instances, int sessions) {
		this.instances = instances;
		this.sessions = IntStream.range(0, sessions).mapToObj((i) -> create(instances.get(i % 2))).toList();
		this.agents = Executors.newFixedThreadPool(sessions);
		this.traffic = this.sessions.stream().map((session) -> this.agents.submit(() -> act(session))).toList();
	}

	/**
	 * Creates the sessions, alternating between the instances, and starts their agents.
	 * @param instances the two instances
	 * @param sessions how many sessions
	 * @return the running traffic
	 */
	static AgentTraffic start(List<HttpProbe> instances, int sessions) {
		return new AgentTraffic(instances, sessions);
	}

	private Object act(Session session) {
		int value = 0;
		while (this.running.get()) {
			value++;
			long start = System.nanoTime();
			Reply reply = this.instances.get(value % 2)
				.post("/handshake/action/" + session.sid(), session.token(),
						"{\"intervalMs\":0,\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":" + value + "}]}");
			this.longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
			this.statuses.merge(reply.status(), 1, Integer::sum);
			if (reply.status() == 200) {
				this.acknowledged.put(session.sid(), value);
			}
		}
		return null;
	}

	/**
	 * Opens a browser's connection to the first session on an instance.
	 * @param port the instance's port
	 * @return the connection, past its {@code connected} event
	 */
	WsProbe watchFirstSession(int port) throws InterruptedException {
		Session session = this.sessions.get(0);
		WsProbe ws = WsProbe.open(port, "/ws/handshake/" + session.sid() + "?token=" + session.token());
		assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
		return ws;
	}

	/**
	 * Lets the agents go on for a second, then stops them and waits until each has its
	 * last answer.
	 */
	void stopAfterASecond() throws Exception {
		Thread.sleep(1000);
		this.running.set(false);
		for (Future<Object> agent : this.traffic) {
			agent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
	}

	/**
	 * How many requests were answered with each status.
	 * @return the counts by status
	 */
	Map<Integer, Integer> statuses() {
		return this.statuses;
	}

	/**
	 * How long the longest request took to be answered.
	 * @return the longest time to an answer
	 */
	Duration longest() {
		return Duration.ofNanos(this.longestNanos.get());
	}

	/**
	 * Runs a check on each session's value as each instance reads it now.
	 * @param check given the session, its last acknowledged value and the value read
	 */
	void eachRead(Read check) {
		for (Session session : this.sessions) {
			for (HttpProbe instance : this.instances) {
				JsonNode context = instance.get("/handshake/context/" + session.sid(), session.token()).json();
				check.check(session.sid(), this.acknowledged.get(session.sid()),
						context.at("/context/age/value").asInt());
			}
		}
	}

	/**
	 * Sets the first session's {@code age} to {@code -1} through the first instance and
	 * asserts that a browser watching it hears the action.
	 * @param browser the browser of {@link #watchFirstSession(int)}
	 */
	void assertBrowserHearsTheFirstSession(WsProbe browser) throws InterruptedException {
		Session watched = this.sessions.get(0);
		assertThat(this.instances.get(0)
			.post("/handshake/action/" + watched.sid(), watched.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":-1}]}")
			.status()).isEqualTo(200);
		assertThat(nextAction(browser, -1)).as("the browser on the other instance still hears the session")
			.isEqualTo("{\"type\":\"action\",\"key\":\"age\",\"value\":-1}");
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

	@Override
	public void close() {
		this.running.set(false);
		this.agents.shutdownNow();
	}

	private static Session create(HttpProbe http) {
		JsonNode created = http.create("""
				{"mode":"form-fill","schema":[{"key":"age","type":"int"}],"context":{"age":null}}""");
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	/**
	 * A check of one session's value as one instance reads it.
	 */
	@FunctionalInterface
	interface Read {

		void check(String sid, Integer acknowledged, int read);

	}

	private record Session(String sid, String token) {
	}

}
