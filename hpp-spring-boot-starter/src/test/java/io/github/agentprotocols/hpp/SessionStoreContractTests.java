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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.redis.SessionCodec;
import io.github.agentprotocols.hpp.redis.SessionCodecTests;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link SessionStore} must do. Subclasses supply stores; a store made by
 * {@link #secondStore} shares the sessions of the one made before it (for a shared store,
 * another instance of the application; for the in-memory store, the same store).
 */
public abstract class SessionStoreContractTests {

	protected static final Duration WAIT = Duration.ofSeconds(10);

	protected static final HandshakeSession.WritePolicy POLICY = new HandshakeSession.WritePolicy(500, false);

	protected final Clock clock = Clock.systemUTC();

	/**
	 * A new, empty store.
	 * @param maxSessions the store's session cap
	 * @param maxSessionsPerOwner the store's cap of live sessions per owner, 0 for none
	 * @return the store
	 */
	protected abstract SessionStore store(int maxSessions, int maxSessionsPerOwner);

	/**
	 * A new, empty store without a cap per owner.
	 * @param maxSessions the store's session cap
	 * @return the store
	 */
	protected SessionStore store(int maxSessions) {
		return store(maxSessions, 0);
	}

	/**
	 * Another handle on the sessions of the store made last by {@link #store}.
	 * @return the store
	 */
	protected abstract SessionStore secondStore();

	/**
	 * The session handed over is the one created. A shared store may hand over the
	 * request windows as summaries, so they are compared by what they decide.
	 */
	@Test
	void createdSessionIsHandedToUpdates() {
		SessionStore store = store(10);
		HandshakeSession session = SessionCodecTests.richSession();
		Instant now = this.clock.instant();
		session.getRequests().tryAcquire(now, 60);
		store.create(session).block(WAIT);
		HandshakeSession seen = store.update(session.getId(), HandshakeSession::copy).block(WAIT);
		assertThat(SessionCodec.encodeWithoutWindows(seen)).isEqualTo(SessionCodec.encodeWithoutWindows(session));
		assertThat(seen.getRequests().size(now)).isEqualTo(session.getRequests().size(now)).isOne();
		assertThat(seen.getRequests().retryAfterSeconds(now)).isEqualTo(60);
		assertThat(seen.getExtensions().size(now)).isEqualTo(session.getExtensions().size(now)).isZero();
	}

	@Test
	void updateOfUnknownSessionIsEmpty() {
		SessionStore store = store(10);
		AtomicInteger calls = new AtomicInteger();
		assertThat(store.update("nope", (session) -> calls.incrementAndGet()).blockOptional(WAIT)).isEmpty();
		assertThat(calls).hasValue(0);
	}

	@Test
	void changesMadeByAnUpdateAreKept() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		HandshakeSession.WriteOutcome outcome = store
			.update(session.getId(), (s) -> s.write("name", text("Ada"), FieldOwner.AI, POLICY, this.clock.instant()))
			.block(WAIT);
		assertThat(outcome).isEqualTo(HandshakeSession.WriteOutcome.WRITTEN);
		HandshakeSession seen = secondStore().update(session.getId(), HandshakeSession::copy).block(WAIT);
		assertThat(seen.getFields().get("name").value()).isEqualTo(text("Ada"));
		assertThat(seen.getFields().get("name").by()).isEqualTo(FieldOwner.AI);
		assertThat(seen.getChanges()).hasSize(1);
	}

	@Test
	void expiredSessionsAreStillHandedOver() {
		SessionStore store = store(10);
		HandshakeSession session = expired();
		store.create(session).block(WAIT);
		assertThat(store.update(session.getId(), (s) -> s.isExpired(this.clock.instant())).block(WAIT)).isTrue();
	}

	@Test
	void removeDeletesOnce() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		assertThat(store.remove(session.getId()).block(WAIT)).isTrue();
		assertThat(store.remove(session.getId()).block(WAIT)).isFalse();
		assertThat(store.update(session.getId(), HandshakeSession::getId).blockOptional(WAIT)).isEmpty();
	}

	@Test
	void removeExpiredRemovesExactlyTheExpiredSessions() {
		SessionStore store = store(10);
		HandshakeSession keep = live();
		HandshakeSession old1 = expired();
		HandshakeSession old2 = expired();
		for (HandshakeSession session : List.of(keep, old1, old2)) {
			store.create(session).block(WAIT);
		}
		assertThat(store.count().block(WAIT)).isEqualTo(3);
		List<String> removed = store.removeExpired(this.clock.instant()).collectList().block(WAIT);
		assertThat(removed).containsExactlyInAnyOrder(old1.getId(), old2.getId());
		assertThat(store.count().block(WAIT)).isEqualTo(1);
		assertThat(store.removeExpired(this.clock.instant()).collectList().block(WAIT)).isEmpty();
		assertThat(secondStore().update(keep.getId(), HandshakeSession::getId).block(WAIT)).isEqualTo(keep.getId());
	}

	@Test
	void sessionsTouchedBackToLifeAreNotRemoved() {
		SessionStore store = store(10);
		HandshakeSession session = expired();
		store.create(session).block(WAIT);
		store.update(session.getId(), (s) -> {
			s.touch(this.clock.instant());
			return true;
		}).block(WAIT);
		assertThat(store.removeExpired(this.clock.instant()).collectList().block(WAIT)).isEmpty();
		assertThat(store.count().block(WAIT)).isEqualTo(1);
	}

	@Test
	void capRefusesSessionsBeyondTheLimit() {
		SessionStore store = store(2);
		store.create(live()).block(WAIT);
		secondStore().create(live()).block(WAIT);
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> store.create(live()).block(WAIT));
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> secondStore().create(live()).block(WAIT));
	}

	@Test
	void expiredSessionsDoNotCountAgainstTheCap() {
		SessionStore store = store(2);
		store.create(live()).block(WAIT);
		store.create(expired()).block(WAIT);
		HandshakeSession fresh = live();
		store.create(fresh).block(WAIT);
		assertThat(secondStore().update(fresh.getId(), HandshakeSession::getId).block(WAIT)).isEqualTo(fresh.getId());
	}

	@Test
	void removedSessionsFreeTheirPlace() {
		SessionStore store = store(1);
		HandshakeSession first = live();
		store.create(first).block(WAIT);
		store.remove(first.getId()).block(WAIT);
		store.create(live()).block(WAIT);
		assertThat(store.count().block(WAIT)).isEqualTo(1);
	}

	@Test
	@SpecItem("HPP-11.2.2")
	void ownerCapCountsTheOwnersLiveSessionsAcrossHandles() {
		SessionStore store = store(10, 2);
		store.create(ownedBy("alice")).block(WAIT);
		secondStore().create(ownedBy("alice")).block(WAIT);
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> store.create(ownedBy("alice")).block(WAIT))
			.satisfies((ex) -> assertThat(ex.isOwnerLimit()).isTrue());
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> secondStore().create(ownedBy("alice")).block(WAIT));
		store.create(ownedBy("bob")).block(WAIT);
		store.create(live()).block(WAIT);
		store.create(live()).block(WAIT);
		assertThat(store.count().block(WAIT)).isEqualTo(5);
	}

	@Test
	@SpecItem("HPP-11.2.2")
	void expiredAndRemovedSessionsDoNotCountAgainstTheOwnerCap() {
		SessionStore store = store(10, 1);
		HandshakeSession stale = expired();
		stale.setOwner("alice");
		store.create(stale).block(WAIT);
		HandshakeSession first = ownedBy("alice");
		store.create(first).block(WAIT);
		store.remove(first.getId()).block(WAIT);
		HandshakeSession second = ownedBy("alice");
		secondStore().create(second).block(WAIT);
		assertThat(store.update(second.getId(), HandshakeSession::getOwner).block(WAIT)).isEqualTo("alice");
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> store.create(ownedBy("alice")).block(WAIT));
	}

	@Test
	void globalCapIsNotAnOwnerLimit() {
		SessionStore store = store(1, 5);
		store.create(ownedBy("alice")).block(WAIT);
		assertThatExceptionOfType(SessionLimitExceededException.class)
			.isThrownBy(() -> store.create(ownedBy("alice")).block(WAIT))
			.satisfies((ex) -> assertThat(ex.isOwnerLimit()).isFalse());
	}

	@Test
	void concurrentUpdatesFromTwoHandlesAreAtomic() {
		SessionStore store = store(10);
		SessionStore other = secondStore();
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		int perHandle = 40;
		Flux.range(0, perHandle * 2).flatMap((i) -> ((i % 2 == 0) ? store : other).update(session.getId(), (s) -> {
			Optional<Long> current = Optional.ofNullable(s.getFields().get("counter"))
				.map((field) -> field.value().longValue());
			long next = current.orElse(0L) + 1;
			s.write("counter", JsonNodeFactory.instance.numberNode(next), FieldOwner.AI, POLICY, this.clock.instant());
			s.getRequests().tryAcquire(this.clock.instant(), 1000);
			return next;
		}), 16).collectList().block(Duration.ofSeconds(60));
		HandshakeSession seen = store.update(session.getId(), HandshakeSession::copy).block(WAIT);
		assertThat(seen.getFields().get("counter").value().longValue()).isEqualTo(perHandle * 2);
		assertThat(seen.getChanges()).hasSize(perHandle * 2);
		assertThat(seen.getRequests().size(this.clock.instant())).isEqualTo(perHandle * 2);
	}

	@Test
	void admissionChecksExpiryThenTokenThenTouchesAndSpendsTheBudget() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		Instant start = session.getLastTouch();
		assertThat(admit(store, session.getId(), "wrong", 2, start.plusSeconds(1)).outcome())
			.isEqualTo(Admission.Outcome.DENIED);
		assertThat(lastTouch(store, session.getId())).isEqualTo(start);
		for (int i = 1; i <= 2; i++) {
			Instant now = start.plusSeconds(1).plusNanos(i);
			Admission.Admitted<Instant> granted = admit(store, session.getId(), "token", 2, now);
			assertThat(granted.outcome()).isEqualTo(Admission.Outcome.GRANTED);
			assertThat(granted.value()).as("the work sees the touched session").isEqualTo(now);
		}
		Instant refused = start.plusSeconds(31);
		Admission.Admitted<Instant> limited = admit(secondStore(), session.getId(), "token", 2, refused);
		assertThat(limited.outcome()).isEqualTo(Admission.Outcome.LIMITED);
		assertThat(limited.retryAfterSeconds()).isEqualTo(30);
		assertThat(lastTouch(store, session.getId())).as("a refused request still touches").isEqualTo(refused);
		assertThat(admit(store, session.getId(), "token", 2, refused.plus(Duration.ofMinutes(31))).outcome())
			.isEqualTo(Admission.Outcome.EXPIRED);
		assertThat(admit(store, "nope", "token", 2, refused)).as("no such session").isNull();
	}

	@Test
	void agentWritesFollowTheOwnershipRulesAndStampEachChangeAfterTheLast() {
		SessionStore store = store(10);
		HandshakeSession session = HandshakeSession.open(UUID.randomUUID().toString().replace("-", ""), "token",
				text("form-fill"),
				(ArrayNode) HttpProbe.json.readTree("[{\"key\":\"name\"},{\"key\":\"age\",\"required\":true}]"),
				HttpProbe.json.createObjectNode(), HttpProbe.json.createObjectNode().put("name", "Bob"),
				Duration.ofMinutes(30), Duration.ofHours(24), this.clock.instant());
		store.create(session).block(WAIT);
		Instant now = this.clock.instant();
		HandshakeSession.WritePolicy twoFields = new HandshakeSession.WritePolicy(2, false);
		AgentWrites first = store
			.writeAsAgent(session.getId(),
					List.of(write("name", text("Eve")), write("age", number(30)), write("city", text("Paris"))),
					twoFields, now, false)
			.block(WAIT);
		assertThat(first.expired()).isFalse();
		assertThat(first.outcomes()).containsExactly(HandshakeSession.WriteOutcome.REFUSED,
				HandshakeSession.WriteOutcome.WRITTEN, HandshakeSession.WriteOutcome.FIELD_LIMIT);
		assertThat(first.missing()).isEmpty();
		assertThat(first.fields()).containsOnlyKeys("name", "age");
		assertThat(first.fields().get("name").by()).isEqualTo(FieldOwner.USER);
		assertThat(first.fields().get("age").by()).isEqualTo(FieldOwner.AI);
		assertThat(first.session()).isNull();
		AgentWrites second = secondStore()
			.writeAsAgent(session.getId(), List.of(write("age", number(31))), twoFields, now, true)
			.block(WAIT);
		assertThat(second.session()).isNotNull();
		List<Change> changes = second.session().recentChanges(10);
		assertThat(changes).extracting(Change::key).containsExactly("age", "age");
		assertThat(changes.get(0).from().isNull()).isTrue();
		assertThat(changes.get(1).from()).isEqualTo(number(30));
		assertThat(changes.get(1).to()).isEqualTo(number(31));
		assertThat(changes.get(1).at()).as("stamped after the last change")
			.isEqualTo(changes.get(0).at().plusNanos(1000));
		assertThat(second.fields().get("age").at()).isEqualTo(changes.get(1).at());
		assertThat(lastTouch(store, session.getId())).isEqualTo(now);
		assertThat(store
			.writeAsAgent(session.getId(), List.of(write("age", number(32))), twoFields,
					now.plus(Duration.ofMinutes(31)), false)
			.block(WAIT)
			.expired()).isTrue();
		assertThat(store.writeAsAgent("nope", List.of(), twoFields, now, false).blockOptional(WAIT)).isEmpty();
	}

	/**
	 * A batch that writes a key twice logs both changes, the second from the first's
	 * value, and counts the key once against the field limit; a batch of more writes than
	 * a store may send in one command is written whole, in order.
	 */
	@Test
	void agentWritesOfAKeyTwiceAndOfLongBatchesAreEachLoggedInOrder() {
		SessionStore store = store(10);
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		AgentWrites twice = store
			.writeAsAgent(session.getId(),
					List.of(write("a", number(1)), write("a", number(2)), write("b", number(3)), write("c", number(4))),
					new HandshakeSession.WritePolicy(2, false), this.clock.instant(), true)
			.block(WAIT);
		assertThat(twice.outcomes()).containsExactly(HandshakeSession.WriteOutcome.WRITTEN,
				HandshakeSession.WriteOutcome.WRITTEN, HandshakeSession.WriteOutcome.WRITTEN,
				HandshakeSession.WriteOutcome.FIELD_LIMIT);
		assertThat(twice.fields()).containsOnlyKeys("a", "b");
		assertThat(twice.fields().get("a").value()).isEqualTo(number(2));
		List<Change> changes = twice.session().recentChanges(10);
		assertThat(changes).extracting(Change::key).containsExactly("a", "a", "b");
		assertThat(changes.get(1).from()).isEqualTo(number(1));
		int writes = 1200;
		AgentWrites many = store
			.writeAsAgent(session.getId(), IntStream.range(0, writes).mapToObj((i) -> write("b", number(i))).toList(),
					POLICY, this.clock.instant(), true)
			.block(WAIT);
		assertThat(many.outcomes()).hasSize(writes).containsOnly(HandshakeSession.WriteOutcome.WRITTEN);
		assertThat(many.fields().get("b").value()).isEqualTo(number(writes - 1));
		List<Change> logged = many.session().recentChanges(HandshakeSession.RETAINED_CHANGES);
		for (int i = 1; i < logged.size(); i++) {
			assertThat(logged.get(i).at()).isAfter(logged.get(i - 1).at());
			assertThat(logged.get(i).from()).isEqualTo(logged.get(i - 1).to());
		}
		assertThat(logged.get(logged.size() - 1).to()).isEqualTo(number(writes - 1));
	}

	@Test
	void concurrentAgentWritesFromTwoHandlesAreEachLoggedOnce() {
		SessionStore store = store(10);
		SessionStore other = secondStore();
		HandshakeSession session = live();
		store.create(session).block(WAIT);
		int perHandle = 40;
		Flux.range(0, perHandle * 2)
			.flatMap((i) -> ((i % 2 == 0) ? store : other).writeAsAgent(session.getId(),
					List.of(write("counter", number(i))), POLICY, this.clock.instant(), false), 16)
			.collectList()
			.block(Duration.ofSeconds(60));
		HandshakeSession seen = store.update(session.getId(), HandshakeSession::copy).block(WAIT);
		List<Change> changes = seen.recentChanges(HandshakeSession.RETAINED_CHANGES);
		assertThat(changes).hasSize(perHandle * 2);
		assertThat(changes).extracting((change) -> change.to().intValue())
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, perHandle * 2).boxed().toList());
		for (int i = 1; i < changes.size(); i++) {
			assertThat(changes.get(i).at()).isAfter(changes.get(i - 1).at());
			assertThat(changes.get(i).from()).isEqualTo(changes.get(i - 1).to());
		}
		assertThat(seen.getFields().get("counter").value()).isEqualTo(changes.get(changes.size() - 1).to());
	}

	private static Admission.Admitted<Instant> admit(SessionStore store, String sessionId, String token, int limit,
			Instant now) {
		return store
			.admit(sessionId, new Admission(token, Admission.Budget.REQUESTS, limit, now, true),
					(session, at) -> session.getLastTouch())
			.block(WAIT);
	}

	private static Instant lastTouch(SessionStore store, String sessionId) {
		return store.update(sessionId, HandshakeSession::getLastTouch).block(WAIT);
	}

	private static AgentWrites.Write write(String key, JsonNode value) {
		return new AgentWrites.Write(key, value);
	}

	protected static JsonNode number(int value) {
		return JsonNodeFactory.instance.numberNode(value);
	}

	protected HandshakeSession live() {
		return open(this.clock.instant());
	}

	protected HandshakeSession ownedBy(String owner) {
		HandshakeSession session = live();
		session.setOwner(owner);
		return session;
	}

	protected HandshakeSession expired() {
		return open(this.clock.instant().minus(Duration.ofHours(1)));
	}

	private static HandshakeSession open(Instant at) {
		return HandshakeSession.open(UUID.randomUUID().toString().replace("-", ""), "token", text("form-fill"),
				HttpProbe.json.createArrayNode(), HttpProbe.json.createObjectNode(), HttpProbe.json.createObjectNode(),
				Duration.ofMinutes(30), Duration.ofHours(24), at);
	}

	protected static JsonNode text(String value) {
		return JsonNodeFactory.instance.stringNode(value);
	}

}
