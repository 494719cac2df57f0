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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's request budgets in Redis (spec §6.5): the request after the limit within 60
 * seconds is refused with the Retry-After of the oldest request, whatever the limit,
 * across instances, and for sessions stored by an earlier version with their windows in
 * the JSON; the session's state does not grow with the requests it accepts. Time is the
 * store's clock, simulated here.
 */
@UsesRedis
class RedisRequestWindowTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Whole milliseconds from here keep nine digits of fraction in every instant. */
	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.000000001Z");

	private static final String SESSION = "0123456789abcdef0123456789abcdef";

	private final SimulatedClock clock = new SimulatedClock(T0);

	private final RedisTestConnections connections = new RedisTestConnections();

	private final ReactiveStringRedisTemplate redis = this.connections.template();

	@AfterEach
	void close() {
		this.connections.close();
	}

	@Test
	void sixtyFirstRequestWithinAMinuteIsRefusedWithTheRetryAfterOfTheOldest() {
		SessionStore store = storeWithSession();
		for (int i = 0; i < 60; i++) {
			assertThat(request(store, 60)).isEqualTo(Admission.ACCEPTED);
			this.clock.advance(Duration.ofMillis(500));
		}
		assertThat(request(store, 60)).isEqualTo(Admission.refused(30));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(request(store, 60)).as("exactly 60 s after the oldest it still counts")
			.isEqualTo(Admission.refused(1));
		this.clock.advance(Duration.ofNanos(1));
		assertThat(request(store, 60)).isEqualTo(Admission.ACCEPTED);
		assertThat(request(store, 60)).isEqualTo(Admission.refused(1));
	}

	@Test
	void requestsThatLeftTheWindowFreeTheBudgetAndLeaveTheLog() {
		SessionStore store = storeWithSession();
		for (int round = 0; round < 5; round++) {
			for (int i = 0; i < 60; i++) {
				assertThat(request(store, 60)).isEqualTo(Admission.ACCEPTED);
				this.clock.advance(Duration.ofMillis(10));
			}
			assertThat(request(store, 60)).isEqualTo(Admission.refused(60));
			this.clock.advance(Duration.ofSeconds(60));
		}
		assertThat(logLength(this.connections.keys.requests(SESSION))).as("log holds at most twice the budget")
			.isLessThanOrEqualTo(2 * 60 * 16);
	}

	@Test
	void sessionStateDoesNotGrowWithAcceptedRequestsUnderAHighLimit() {
		SessionStore store = storeWithSession();
		int[] lengths = new int[3];
		int accepted = 0;
		int[] checkpoints = { 1, 100, 1000 };
		for (int i = 0; i < checkpoints.length; i++) {
			while (accepted < checkpoints[i]) {
				assertThat(request(store, 5000)).isEqualTo(Admission.ACCEPTED);
				accepted++;
				this.clock.advance(Duration.ofMillis(1));
			}
			lengths[i] = storedState().length();
		}
		assertThat(lengths[1]).isEqualTo(lengths[0]);
		assertThat(lengths[2]).isEqualTo(lengths[0]);
		assertThat(store.update(SESSION, (session) -> session.getRequests().size(this.clock.instant())).block(WAIT))
			.isEqualTo(1000);
	}

	@Test
	void requestAfterAHighLimitIsRefusedWithTheRetryAfterOfTheOldest() {
		SessionStore store = storeWithSession();
		for (int batch = 0; batch < 50; batch++) {
			assertThat(store.update(SESSION, (session) -> {
				int accepted = 0;
				for (int i = 0; i < 100; i++) {
					accepted += session.getRequests().tryAcquire(this.clock.instant(), 5000) ? 1 : 0;
					this.clock.advance(Duration.ofMillis(2));
				}
				return accepted;
			}).block(WAIT)).isEqualTo(100);
		}
		assertThat(request(store, 5000)).isEqualTo(Admission.refused(50));
		this.clock.advance(Duration.ofMillis(49_999));
		assertThat(request(store, 5000)).isEqualTo(Admission.refused(1));
		this.clock.advance(Duration.ofMillis(1).plusNanos(1));
		assertThat(request(store, 5000)).isEqualTo(Admission.ACCEPTED);
		assertThat(request(store, 5000)).isEqualTo(Admission.refused(1));
	}

	@Test
	void extendRequestsSpendTheirOwnBudget() {
		SessionStore store = storeWithSession();
		for (int i = 0; i < 10; i++) {
			assertThat(extension(store, 10)).isEqualTo(Admission.ACCEPTED);
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(extension(store, 10)).isEqualTo(Admission.refused(50));
		assertThat(request(store, 60)).isEqualTo(Admission.ACCEPTED);
		this.clock.advance(Duration.ofSeconds(50).plusNanos(1));
		assertThat(extension(store, 10)).isEqualTo(Admission.ACCEPTED);
		assertThat(extension(store, 10)).isEqualTo(Admission.refused(1));
	}

	@Test
	void twoInstancesShareOneBudget() {
		SessionStore first = storeWithSession();
		SessionStore second = store();
		for (int i = 0; i < 60; i++) {
			assertThat(request((i % 2 == 0) ? first : second, 60)).isEqualTo(Admission.ACCEPTED);
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(request(first, 60)).isEqualTo(Admission.refused(54));
		assertThat(request(second, 60)).isEqualTo(Admission.refused(54));
		assertThat(extension(second, 10)).isEqualTo(Admission.ACCEPTED);
	}

	/**
	 * The session an admitted request hands to its work counts that request in its
	 * budget's window, with the oldest request inside it, also right after the requests
	 * that left the window are dropped from the log; the other budget's window is read as
	 * it is.
	 */
	@Test
	void windowsHandedToTheWorkOfAnAdmittedRequestCountIt() {
		SessionStore store = storeWithSession();
		for (int round = 0; round < 3; round++) {
			for (int i = 1; i <= 3; i++) {
				assertThat(admitted(store, io.github.agentprotocols.hpp.Admission.Budget.REQUESTS))
					.as("round %d, request %d", round, i)
					.containsExactly(i, 61L - i, 0, 1L);
				this.clock.advance(Duration.ofSeconds(1));
			}
			assertThat(admitted(store, io.github.agentprotocols.hpp.Admission.Budget.EXTENSIONS))
				.as("round %d, extension", round)
				.containsExactly(3, 57L, 1, 60L);
			this.clock.advance(Duration.ofSeconds(61));
		}
	}

	/**
	 * Each search of a window log starts from where the window started at the last one,
	 * kept in the session's hash: whatever that hint says (where the window starts, an
	 * entry far from it, past the log's end, or nothing), every admission's verdict and
	 * windows are those of the in-memory store given the same requests, as the window
	 * moves by a few entries, by more than the hinted search reads, and empties.
	 */
	@Test
	void searchesFromTheHintAgreeWithTheStoreInMemory() {
		SessionStore redis = storeWithSession();
		SessionStore memory = new InMemorySessionStore(10, 0, this.clock);
		JsonNodeFactory json = JsonNodeFactory.instance;
		memory.create(
				HandshakeSession.open(SESSION, "token", json.stringNode("default"), json.arrayNode(), json.objectNode(),
						json.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), this.clock.instant()))
			.block(WAIT);
		String hash = this.connections.keys.session(SESSION);
		Random random = new Random(37);
		int[] hints = new int[2];
		for (int i = 0; i < 2_000; i++) {
			int jump = random.nextInt(100);
			this.clock.advance((jump < 90) ? Duration.ofMillis(random.nextInt(40)) : (jump < 98)
					? Duration.ofMillis(200 + random.nextInt(3_000)) : Duration.ofSeconds(20 + random.nextInt(50)));
			if (random.nextInt(25) == 0) {
				String field = "w" + (3 + random.nextInt(2));
				if (random.nextBoolean()) {
					this.redis.<String, String>opsForHash()
						.put(hash, field, Integer.toString(random.nextInt(3_000)))
						.block(WAIT);
				}
				else {
					this.redis.<String, String>opsForHash().remove(hash, field).block(WAIT);
				}
			}
			io.github.agentprotocols.hpp.Admission.Budget budget = (random.nextInt(10) == 0)
					? io.github.agentprotocols.hpp.Admission.Budget.EXTENSIONS
					: io.github.agentprotocols.hpp.Admission.Budget.REQUESTS;
			int limit = (budget == io.github.agentprotocols.hpp.Admission.Budget.REQUESTS) ? 1_000 : 20;
			assertThat(verdict(redis, budget, limit)).as("request %d", i).isEqualTo(verdict(memory, budget, limit));
			String hint = this.redis.<String, String>opsForHash().get(hash, "w3").block(WAIT);
			hints[(hint != null && Integer.parseInt(hint) > 0) ? 1 : 0]++;
		}
		assertThat(hints).as("requests after which the hint was unset or 0, and past 0")
			.satisfies((counts) -> assertThat(Math.min(counts[0], counts[1])).isGreaterThan(100));
	}

	/**
	 * Admits a request against a budget and answers its outcome and Retry-After, and what
	 * its work saw when granted: the size of the request window and its Retry-After, then
	 * those of the extend window.
	 */
	private List<Object> verdict(SessionStore store, io.github.agentprotocols.hpp.Admission.Budget budget, int limit) {
		Instant now = this.clock.instant();
		io.github.agentprotocols.hpp.Admission.Admitted<List<Number>> admitted = store
			.admit(SESSION, new io.github.agentprotocols.hpp.Admission("token", budget, limit, now, false),
					(session, at) -> List.<Number>of(session.getRequests().size(at),
							session.getRequests().retryAfterSeconds(at), session.getExtensions().size(at),
							session.getExtensions().retryAfterSeconds(at)))
			.block(WAIT);
		return List.of(admitted.outcome(), admitted.retryAfterSeconds(),
				(admitted.value() != null) ? admitted.value() : List.of());
	}

	/**
	 * Admits a request against a budget and answers what its work saw: the size of the
	 * request window and its Retry-After, then those of the extend window.
	 */
	private List<Number> admitted(SessionStore store, io.github.agentprotocols.hpp.Admission.Budget budget) {
		Instant now = this.clock.instant();
		return store.admit(SESSION, new io.github.agentprotocols.hpp.Admission("token", budget, 100, now, false),
				(session, at) -> List.<Number>of(session.getRequests().size(at),
						session.getRequests().retryAfterSeconds(at), session.getExtensions().size(at),
						session.getExtensions().retryAfterSeconds(at)))
			.block(WAIT)
			.value();
	}

	@Test
	void sessionStoredWithItsWindowsInTheJsonKeepsItsBudget() {
		SessionStore store = store();
		String stored = """
				{"format":1,"id":"%s","token":"token","mode":"default","schema":[],"meta":{},"owner":null,\
				"createdAt":"2026-11-22T09:59:00Z","deadline":"2026-11-23T09:59:00Z","ttl":"PT30M",\
				"lastTouch":"2026-11-22T09:59:50Z","lastStamp":"2026-11-22T09:59:00Z","fields":[],"changes":[],\
				"requests":["2026-11-22T09:58:30Z","2026-11-22T09:59:30.000000001Z","2026-11-22T09:59:40Z"],\
				"extensions":["2026-11-22T09:59:45Z"]}""".formatted(SESSION);
		this.redis.<String, String>opsForHash()
			.putAll(this.connections.keys.session(SESSION), Map.of("v", "1", "d", stored))
			.block(WAIT);
		this.redis.opsForZSet()
			.add(this.connections.keys.sessions(SESSION), SESSION, T0.plus(Duration.ofMinutes(30)).toEpochMilli())
			.block(WAIT);
		assertThat(request(store, 3)).isEqualTo(Admission.ACCEPTED);
		assertThat(storedState()).doesNotContain("\"requests\"").doesNotContain("\"extensions\"");
		assertThat(request(store, 3)).isEqualTo(Admission.refused(30));
		assertThat(extension(store, 1)).isEqualTo(Admission.refused(45));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(request(store, 3)).as("the request at 09:59:30 plus one nanosecond still counts")
			.isEqualTo(Admission.refused(1));
		this.clock.advance(Duration.ofNanos(1));
		assertThat(request(store, 3)).isEqualTo(Admission.ACCEPTED);
	}

	private SessionStore storeWithSession() {
		SessionStore store = store();
		JsonNodeFactory json = JsonNodeFactory.instance;
		store.create(
				HandshakeSession.open(SESSION, "token", json.stringNode("default"), json.arrayNode(), json.objectNode(),
						json.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), this.clock.instant()))
			.block(WAIT);
		return store;
	}

	private SessionStore store() {
		return new RedisSessionStore(this.connections.template(), this.connections.keys, 10, 0, this.clock);
	}

	private Admission request(SessionStore store, int limit) {
		return admit(store, HandshakeSession::getRequests, limit);
	}

	private Admission extension(SessionStore store, int limit) {
		return admit(store, HandshakeSession::getExtensions, limit);
	}

	/**
	 * Admits a request as the handshake manager does: the idle timer is touched, then the
	 * budget spent.
	 */
	private Admission admit(SessionStore store, Function<HandshakeSession, RequestWindow> budget, int limit) {
		Instant now = this.clock.instant();
		return store.update(SESSION, (session) -> {
			session.touch(now);
			RequestWindow window = budget.apply(session);
			return window.tryAcquire(now, limit) ? Admission.ACCEPTED
					: Admission.refused(window.retryAfterSeconds(now));
		}).block(WAIT);
	}

	private String storedState() {
		return this.redis.<String, String>opsForHash().get(this.connections.keys.session(SESSION), "d").block(WAIT);
	}

	private long logLength(String key) {
		return this.redis.opsForValue().size(key).block(WAIT);
	}

	/**
	 * Whether a request was accepted, and if not, its Retry-After in seconds.
	 */
	private record Admission(boolean accepted, long retryAfterSeconds) {

		static final Admission ACCEPTED = new Admission(true, 0);

		static Admission refused(long retryAfterSeconds) {
			return new Admission(false, retryAfterSeconds);
		}

	}

}
