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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.hpp.Admission;
import io.github.agentprotocols.hpp.AgentWrites;
import io.github.agentprotocols.hpp.DeliveryBacklogFullException;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.PacedDelivery;
import io.github.agentprotocols.hpp.SessionStoreContractTests;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.testsupport.UsesRedis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The store contract against a real Redis, with each "second store" on a connection of
 * its own as another application instance would be; plus what only Redis does: key
 * expiry, the expiry index and sweeping by several instances.
 */
@UsesRedis
class RedisSessionStoreTests extends SessionStoreContractTests {

	private RedisTestConnections connections;

	private int maxSessions;

	private int maxSessionsPerOwner;

	private ReactiveStringRedisTemplate redis;

	@BeforeEach
	void connect() {
		this.connections = new RedisTestConnections();
		this.redis = this.connections.template();
	}

	@AfterEach
	void disconnect() {
		this.connections.close();
	}

	@Override
	protected SessionStore store(int maxSessions, int maxSessionsPerOwner) {
		this.maxSessions = maxSessions;
		this.maxSessionsPerOwner = maxSessionsPerOwner;
		return secondStore();
	}

	@Override
	protected SessionStore secondStore() {
		return new RedisSessionStore(this.connections.template(), this.connections.keys, this.maxSessions,
				this.maxSessionsPerOwner, Clock.systemUTC());
	}

	@Test
	void sessionIsOneHashWithStateAndVersion() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		String key = this.connections.keys.session(session.getId());
		assertThat(this.redis.<String, String>opsForHash().get(key, "v").block(WAIT)).isEqualTo("1");
		assertThat(this.redis.<String, String>opsForHash().get(key, "d").block(WAIT))
			.isEqualTo(SessionLayout.encode(session).get(0))
			.contains("\"schema\"", "\"deadline\"")
			.doesNotContain("\"fields\"", "\"changes\"", "\"lastTouch\"");
		store.update(session.getId(), (s) -> {
			s.touch(this.clock.instant());
			return true;
		}).block(WAIT);
		assertThat(this.redis.<String, String>opsForHash().get(key, "v").block(WAIT)).isEqualTo("2");
	}

	@Test
	void agentWritesGoToTheFieldsHashAndTheChangesListInOneScript() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		AgentWrites writes = store
			.writeAsAgent(session.getId(), List.of(new AgentWrites.Write("name", text("Ada"))), POLICY,
					this.clock.instant(), false)
			.block(WAIT);
		assertThat(writes.outcomes()).containsExactly(HandshakeSession.WriteOutcome.WRITTEN);
		assertThat(this.redis.<String, String>opsForHash()
			.get(this.connections.keys.fields(session.getId()), "name")
			.block(WAIT)).startsWith("1 ai ").endsWith(" \"Ada\"");
		assertThat(this.redis.opsForList()
			.range(this.connections.keys.changes(session.getId()), 0, -1)
			.collectList()
			.block(WAIT)).singleElement(InstanceOfAssertFactories.STRING).startsWith("[\"name\",null,\"Ada\",\"ai\",");
		assertThat(this.redis.<String, String>opsForHash()
			.get(this.connections.keys.session(session.getId()), "v")
			.block(WAIT)).isEqualTo("2");
	}

	@Test
	void sessionStoredAsOneJsonValueIsAdmittedAndWrittenAndMovesToTheLayout() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		String key = this.connections.keys.session(session.getId());
		this.redis.<String, String>opsForHash()
			.putAll(key, Map.of("v", "1", "d", SessionCodec.encodeWithoutWindows(session)))
			.block(WAIT);
		Instant now = this.clock.instant();
		assertThat(store
			.admit(session.getId(), new Admission("token", Admission.Budget.REQUESTS, 60, now, false),
					(s, at) -> s.getLastTouch())
			.block(WAIT)).isEqualTo(new Admission.Admitted<>(Admission.Outcome.GRANTED, now, 0));
		assertThat(this.redis.<String, String>opsForHash().get(key, "k").block(WAIT)).isNotEmpty();
		AgentWrites writes = store
			.writeAsAgent(session.getId(), List.of(new AgentWrites.Write("name", text("Ada"))), POLICY, now, false)
			.block(WAIT);
		assertThat(writes.outcomes()).containsExactly(HandshakeSession.WriteOutcome.WRITTEN);
		assertThat(store.update(session.getId(), HandshakeSession::copy).block(WAIT).getChanges()).hasSize(1);
	}

	@Test
	void requestWindowsAreLoggedApartFromTheStateAndExpireWithIt() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		store
			.update(session.getId(),
					(s) -> s.getRequests().tryAcquire(this.clock.instant(), 60)
							&& s.getExtensions().tryAcquire(this.clock.instant(), 10))
			.block(WAIT);
		String requests = this.connections.keys.requests(session.getId());
		String extensions = this.connections.keys.extensions(session.getId());
		assertThat(this.redis.opsForValue().size(requests).block(WAIT)).isEqualTo(16);
		assertThat(this.redis.opsForValue().size(extensions).block(WAIT)).isEqualTo(16);
		assertThat(this.redis.<String, String>opsForHash()
			.get(this.connections.keys.session(session.getId()), "d")
			.block(WAIT)).doesNotContain("\"requests\"").doesNotContain("\"extensions\"");
		Instant expiry = session.getLastTouch().plus(Duration.ofMinutes(30)).plus(RedisSessionStore.GRACE);
		assertExpiresAt(requests, session.getLastTouch(), expiry);
		assertExpiresAt(extensions, session.getLastTouch(), expiry);
	}

	@Test
	void removedAndSweptSessionsLeaveNoRequestWindows() {
		SessionStore store = store(10);
		HandshakeSession removed = live();
		HandshakeSession swept = expired();
		for (HandshakeSession session : List.of(removed, swept)) {
			session.getRequests().tryAcquire(this.clock.instant(), 60);
			session.getExtensions().tryAcquire(this.clock.instant(), 10);
			store.create(session).block(WAIT);
		}
		store.remove(removed.getId()).block(WAIT);
		assertThat(store.removeExpired(this.clock.instant()).collectList().block(WAIT)).containsExactly(swept.getId());
		for (HandshakeSession session : List.of(removed, swept)) {
			assertThat(this.redis.hasKey(this.connections.keys.requests(session.getId())).block(WAIT)).isFalse();
			assertThat(this.redis.hasKey(this.connections.keys.extensions(session.getId())).block(WAIT)).isFalse();
		}
	}

	@Test
	void readOnlyUpdatesDoNotWrite() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		store.update(session.getId(), HandshakeSession::getId).block(WAIT);
		assertThat(this.redis.<String, String>opsForHash()
			.get(this.connections.keys.session(session.getId()), "v")
			.block(WAIT)).isEqualTo("1");
	}

	@Test
	void keyExpiresWithTheSessionPlusGrace() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		String key = this.connections.keys.session(session.getId());
		assertExpiresAt(key, session.getLastTouch(),
				session.getLastTouch().plus(Duration.ofMinutes(30)).plus(RedisSessionStore.GRACE));
		Instant extended = this.clock.instant();
		store.update(session.getId(), (s) -> {
			s.extend(3600, extended);
			return true;
		}).block(WAIT);
		assertExpiresAt(key, extended, extended.plus(Duration.ofMinutes(30 + 60)).plus(RedisSessionStore.GRACE));
	}

	@Test
	void keyNeverOutlivesTheAbsoluteDeadline() {
		SessionStore store = store(10);
		HandshakeSession session = HandshakeSession.open("deadline", "token", text("form-fill"),
				JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
				JsonNodeFactory.instance.objectNode(), Duration.ofMinutes(30), Duration.ofMinutes(2),
				this.clock.instant());
		store.create(session).block(WAIT);
		assertExpiresAt(this.connections.keys.session("deadline"), session.getLastTouch(),
				session.getDeadline().plus(RedisSessionStore.GRACE));
		Double score = this.redis.opsForZSet()
			.score(this.connections.keys.sessions("deadline"), "deadline")
			.block(WAIT);
		assertThat(score.longValue()).isEqualTo(session.getDeadline().toEpochMilli());
	}

	/**
	 * Asserts that a key expires at an instant: its time to live is what is left of it
	 * once read, give or take Redis's rounding to whole seconds, and never more than what
	 * was left before the key got its expiry. Bounds from the clock rather than a fixed
	 * tolerance hold however long the test took to get here.
	 * @param key the key
	 * @param since an instant before the key got its expiry
	 * @param expiry when the key should expire
	 */
	private void assertExpiresAt(String key, Instant since, Instant expiry) {
		Duration ttl = this.redis.getExpire(key).block(WAIT);
		Instant read = this.clock.instant();
		assertThat(ttl).isBetween(Duration.between(read, expiry).minusSeconds(1), Duration.between(since, expiry));
	}

	@Test
	void sessionsDroppedByRedisAreStillReportedOnce() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		this.redis.delete(this.connections.keys.session(session.getId())).block(WAIT);
		this.redis.opsForZSet().add(this.connections.keys.sessions(session.getId()), session.getId(), 0).block(WAIT);
		assertThat(store.removeExpired(this.clock.instant()).collectList().block(WAIT))
			.containsExactly(session.getId());
		assertThat(store.count().block(WAIT)).isZero();
	}

	@Test
	void instancesSweepingTogetherReportEachSessionOnce() {
		SessionStore store = store(100);
		SessionStore other = secondStore();
		for (int i = 0; i < 30; i++) {
			store.create(expired()).block(WAIT);
		}
		List<String> removed = Flux
			.merge(store.removeExpired(this.clock.instant()), other.removeExpired(this.clock.instant()),
					secondStore().removeExpired(this.clock.instant()))
			.collectList()
			.block(WAIT);
		assertThat(removed).hasSize(30).doesNotHaveDuplicates();
		assertThat(store.count().block(WAIT)).isZero();
	}

	/**
	 * An action admitted with its writes in one script means the admission, the
	 * reservation and the writes one after the other; the schema is known for the token
	 * only once a request was admitted with it, and is forgotten with the session.
	 */
	@Test
	void admissionWithWritesMeansAdmissionReservationThenWrites() {
		SessionStore store = store(10);
		RedisPacedDelivery delivery = new RedisPacedDelivery(this.connections.template(), new LocalSessionBroadcast(),
				this.connections.keys, Duration.ofSeconds(30), 1);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		String id = session.getId();
		Instant now = this.clock.instant();
		List<AgentWrites.Write> writes = List.of(new AgentWrites.Write("name", text("Ada")));
		assertThat(store.knownSchema(id, "token")).isNull();
		assertThat(admitWrites(store, id, "wrong", 2, now, writes, delivery).outcome())
			.isEqualTo(Admission.Outcome.DENIED);
		assertThat(store.knownSchema(id, "wrong")).isNull();
		assertThat(store.admit(id, new Admission("token", Admission.Budget.REQUESTS, 2, now, false), (s, at) -> at)
			.block(WAIT)
			.outcome()).isEqualTo(Admission.Outcome.GRANTED);
		assertThat(store.knownSchema(id, "token")).isEqualTo(session.getSchema());
		assertThat(store.knownSchema(id, "wrong")).isNull();
		Admission.Admitted<PacedDelivery.Reserved<AgentWrites>> granted = admitWrites(store, id, "token", 3, now,
				writes, delivery);
		assertThat(granted.outcome()).isEqualTo(Admission.Outcome.GRANTED);
		assertThat(granted.value().value().outcomes()).containsExactly(HandshakeSession.WriteOutcome.WRITTEN);
		assertThat(granted.value().value().fields().get("name").value()).isEqualTo(text("Ada"));
		assertThat(this.redis.opsForZSet().size(this.connections.keys.reservations(id)).block(WAIT)).isOne();
		List<AgentWrites.Write> more = List.of(new AgentWrites.Write("city", text("Paris")));
		assertThatExceptionOfType(DeliveryBacklogFullException.class)
			.isThrownBy(() -> admitWrites(store, id, "token", 3, now, more, delivery));
		granted.value().slot().release().block(WAIT);
		assertThat(admitWrites(store, id, "token", 3, now, more, delivery).outcome())
			.as("the refused request spent the budget")
			.isEqualTo(Admission.Outcome.LIMITED);
		assertThat(admitWrites(store, id, "token", 10, now.plus(Duration.ofMinutes(31)), more, delivery).outcome())
			.isEqualTo(Admission.Outcome.EXPIRED);
		assertThat(this.redis.<String, String>opsForHash()
			.keys(this.connections.keys.fields(id))
			.collectList()
			.block(WAIT)).containsExactly("name");
		store.remove(id).block(WAIT);
		assertThat(store.knownSchema(id, "token")).isNull();
		assertThat(admitWrites(store, id, "token", 10, now, more, delivery)).as("no such session").isNull();
	}

	/**
	 * An instance that admitted an agent knows the session's fixed part, which the
	 * admission scripts then no longer read; a session another instance removed and
	 * created again under the same id, with another token, is read afresh by it.
	 */
	@Test
	void sessionCreatedAgainUnderItsIdIsReadAfresh() {
		SessionStore store = store(10);
		SessionStore other = secondStore();
		Instant now = this.clock.instant();
		HandshakeSession first = live();
		String id = first.getId();
		store.create(first).block(WAIT);
		assertThat(admittedMode(store, id, "token", now)).isEqualTo(text("form-fill"));
		this.redis.<String, String>opsForHash().put(this.connections.keys.session(id), "d", "{}").block(WAIT);
		assertThat(admittedMode(store, id, "token", now)).as("the fixed part, not read again")
			.isEqualTo(text("form-fill"));
		assertThat(store.knownSchema(id, "token")).isEqualTo(first.getSchema());
		other.remove(id).block(WAIT);
		ArrayNode schema = JsonNodeFactory.instance.arrayNode();
		schema.addObject().put("key", "city");
		other.create(
				HandshakeSession.open(id, "another", text("other-mode"), schema, JsonNodeFactory.instance.objectNode(),
						JsonNodeFactory.instance.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), now))
			.block(WAIT);
		assertThat(store.admit(id, new Admission("token", Admission.Budget.REQUESTS, 100, now, false), (s, at) -> at)
			.block(WAIT)
			.outcome()).isEqualTo(Admission.Outcome.DENIED);
		assertThat(admittedMode(store, id, "another", now)).isEqualTo(text("other-mode"));
		assertThat(store.knownSchema(id, "another")).isEqualTo(schema);
		assertThat(store.knownSchema(id, "token")).isNull();
	}

	private static JsonNode admittedMode(SessionStore store, String id, String token, Instant now) {
		return store
			.admit(id, new Admission(token, Admission.Budget.REQUESTS, 100, now, false),
					(session, at) -> session.getMode())
			.block(WAIT)
			.value();
	}

	private static Admission.Admitted<PacedDelivery.Reserved<AgentWrites>> admitWrites(SessionStore store,
			String sessionId, String token, int limit, Instant now, List<AgentWrites.Write> writes,
			RedisPacedDelivery delivery) {
		return store
			.admitWrites(sessionId, new Admission(token, Admission.Budget.REQUESTS, limit, now, false), writes, POLICY,
					false, null, delivery)
			.block(WAIT);
	}

}
