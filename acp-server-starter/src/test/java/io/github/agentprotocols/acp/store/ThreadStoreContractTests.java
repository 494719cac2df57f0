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

package io.github.agentprotocols.acp.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.DuplicateEventIdException;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.MemberAddition;
import io.github.agentprotocols.acp.MemberRemoval;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.RunTransition;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadCreation;
import io.github.agentprotocols.acp.ThreadDeletion;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadUpdate;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of a {@link ThreadStore} (spec §7 and the storage and tenant items of the
 * §10 checklist), run by every store implementation. The fixture identities are those of
 * §10: alice {@code {org:A, ws:X}}, bob {@code {org:A, ws:Y}}, carol {@code {org:B}} and
 * the system identity sys {@code {}}.
 */
public abstract class ThreadStoreContractTests {

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final String ID_PATTERN = "^(th|evt|run)_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

	protected static final Identity alice = user("alice", Map.of("org", "A", "ws", "X"));

	protected static final Identity bob = user("bob", Map.of("org", "A", "ws", "Y"));

	protected static final Identity carol = user("carol", Map.of("org", "B"));

	protected static final Identity sys = new Identity(IdentityRole.SYSTEM, "sys", "Sys", null);

	protected static final Identity helper = Identity.assistant("helper", "Helper");

	protected static final Identity boom = Identity.assistant("boom", "Boom");

	protected static final Identity slow = Identity.assistant("slow", "Slow");

	private ThreadStore store;

	/**
	 * Creates the store under test, empty.
	 * @return the store
	 */
	protected abstract ThreadStore createStore();

	/**
	 * Makes every stored run heartbeat older by the given duration, as if that much time
	 * had passed since.
	 * @param duration how much older
	 */
	protected abstract void ageHeartbeats(Duration duration);

	@BeforeEach
	void createEmptyStore() {
		this.store = createStore();
	}

	protected ThreadStore store() {
		return this.store;
	}

	// Threads

	@Test
	@SpecItem("ACP-10.5")
	void creatingAThreadAddsTheCreatorAndAppendsThreadCreated() {
		ThreadCreation creation = block(
				this.store.createThread(new NewThread(tenant("org", "A"), Map.of("t", 1)), alice));
		AcpThread thread = creation.thread();
		assertThat(thread.tenant()).isEqualTo(tenant("org", "A"));
		assertThat(thread.metadata()).isEqualTo(Map.of("t", 1L));
		assertThat(thread.updatedAt()).isEqualTo(thread.createdAt());
		assertThat(block(this.store.findThread(thread.id()))).isEqualTo(thread);
		assertThat(block(this.store.listMembers(thread.id()).collectList())).singleElement().satisfies((member) -> {
			assertThat(member.identity()).isEqualTo(alice);
			assertThat(member.role()).isEqualTo("member");
			assertThat(member.addedBy()).isEqualTo(alice);
			assertThat(member.addedAt()).isEqualTo(thread.createdAt());
		});
		assertThat(creation.creator()).isEqualTo(block(this.store.findMember(thread.id(), "alice")));
		List<Event> events = allEvents(thread.id());
		assertThat(events).containsExactly(creation.created());
		assertThat(creation.events()).containsExactly(creation.created());
		Event created = creation.created();
		assertThat(created.payload()).isEqualTo(new EventPayload.ThreadCreated(thread.id(), tenant("org", "A")));
		assertThat(created.author()).isEqualTo(alice);
		assertThat(created.runId()).isNull();
		assertThat(created.createdAt()).isEqualTo(thread.createdAt());
	}

	@Test
	@SpecItem("ACP-10.2")
	void storedIdsAreVersion7UuidsWithTheirPrefixes() {
		AcpThread thread = threadWithAssistants(helper);
		Run run = invoke(thread, "helper").runs().get(0).run();
		assertThat(thread.id()).matches(ID_PATTERN).startsWith("th_");
		assertThat(run.id()).matches(ID_PATTERN).startsWith("run_");
		assertThat(allEvents(thread.id()))
			.allSatisfy((event) -> assertThat(event.id()).matches(ID_PATTERN).startsWith("evt_"));
	}

	@Test
	void anUnknownThreadIsNotFound() {
		assertThat(block(this.store.findThread("th_0123456789abcdef"))).isNull();
		assertNotFound(this.store.updateThread("nope", new ThreadPatch(null, Map.of()), alice));
		assertNotFound(this.store.addMember("nope", helper, "member", alice));
		assertNotFound(this.store.removeMember("nope", "helper", alice));
		assertNotFound(this.store.append(message("nope", alice, null)));
		assertNotFound(this.store.invoke("nope", InvocationRequest.of(List.of("helper"), alice, null, null)));
		assertThat(block(this.store.deleteThread("nope"))).isNull();
		assertThat(block(this.store.listMembers("nope").collectList())).isEmpty();
		assertThat(block(this.store.listEvents("nope", EventQuery.ascending(10))).items()).isEmpty();
		assertThat(block(this.store.replay("nope", null, 10)).events()).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.8")
	void listingShowsTheThreadsWhoseTenantIsASubsetOfTheCallers() {
		String t1 = createThread(sys, tenant("org", "A", "ws", "X")).id();
		String t2 = createThread(sys, tenant("org", "A")).id();
		String t3 = createThread(sys, tenant("org", "B")).id();
		String t4 = createThread(sys, TenantScope.PUBLIC).id();
		assertThat(visibleTo(bob.tenant())).containsExactly(t4, t2);
		assertThat(visibleTo(alice.tenant())).containsExactly(t4, t2, t1);
		assertThat(visibleTo(carol.tenant())).containsExactly(t4, t3);
		assertThat(visibleTo(TenantScope.PUBLIC)).containsExactly(t4);
	}

	@Test
	@SpecItem("ACP-10.8")
	void listingForMoreThanEightTenantKeysMatchesLikeTheSubsetExpansion() {
		Map<String, String> nine = new LinkedHashMap<>();
		for (int i = 0; i < 9; i++) {
			nine.put("k" + i, "v" + i);
		}
		TenantScope identity = new TenantScope(nine);
		Map<String, String> eight = new LinkedHashMap<>(nine);
		eight.remove("k8");
		List<TenantScope> tenants = List.of(TenantScope.PUBLIC, tenant("k0", "v0"), tenant("k3", "v3", "k8", "v8"),
				new TenantScope(eight), tenant("k0", "v1"), tenant("k0", "v0", "other", "x"), tenant("K0", "v0"));
		List<AcpThread> threads = tenants.stream().map((tenant) -> createThread(sys, tenant)).toList();
		for (TenantScope caller : List.of(identity, new TenantScope(eight), tenant("k0", "v0", "k3", "v3"))) {
			List<String> expected = new ArrayList<>(threads.stream()
				.filter((thread) -> thread.tenant().isVisibleTo(caller))
				.map(AcpThread::id)
				.toList());
			Collections.reverse(expected);
			assertThat(visibleTo(caller)).as("caller %s", caller).containsExactlyElementsOf(expected);
		}
		assertThat(visibleTo(identity)).hasSize(4);
	}

	@Test
	@SpecItem("ACP-10.9")
	void listingPagesNewestFirstWithAnExclusiveCursor() {
		String oldest = createThread(sys, tenant("org", "A")).id();
		String middle = createThread(sys, tenant("org", "A")).id();
		String newest = createThread(sys, TenantScope.PUBLIC).id();
		createThread(sys, tenant("org", "B"));
		Page<AcpThread> first = block(this.store.listThreads(bob.tenant(), 2, null));
		assertThat(first.items()).extracting(AcpThread::id).containsExactly(newest, middle);
		assertThat(first.nextCursor()).isEqualTo(first.items().get(1).cursor());
		Page<AcpThread> second = block(this.store.listThreads(bob.tenant(), 2, first.nextCursor()));
		assertThat(second.items()).extracting(AcpThread::id).containsExactly(oldest);
		assertThat(second.nextCursor()).isNull();
		Page<AcpThread> exact = block(this.store.listThreads(bob.tenant(), 3, null));
		assertThat(exact.items()).hasSize(3);
		assertThat(exact.nextCursor()).isNull();
	}

	@Test
	void aThreadCursorNeedNotBeAnExistingThread() {
		createThread(sys, TenantScope.PUBLIC);
		Instant future = Instant.now().plus(Duration.ofDays(3650));
		assertThat(block(this.store.listThreads(TenantScope.PUBLIC, 10, new Cursor(future, "x"))).items()).hasSize(1);
		assertThat(block(this.store.listThreads(TenantScope.PUBLIC, 10, new Cursor(Instant.EPOCH, "x"))).items())
			.isEmpty();
	}

	@Test
	@SpecItem("ACP-10.11")
	void patchingMetadataReplacesItIncreasesUpdatedAtAndWritesNoEvent() {
		AcpThread thread = block(
				this.store.createThread(new NewThread(tenant("org", "A"), Map.of("a", 1, "b", 2)), alice))
			.thread();
		ThreadUpdate update = block(this.store.updateThread(thread.id(), new ThreadPatch(null, Map.of("x", 1)), alice));
		assertThat(update.previous()).isEqualTo(thread);
		assertThat(update.thread().metadata()).isEqualTo(Map.of("x", 1L));
		assertThat(update.thread().tenant()).isEqualTo(thread.tenant());
		assertThat(update.thread().createdAt()).isEqualTo(thread.createdAt());
		assertThat(update.thread().updatedAt()).isAfter(thread.updatedAt());
		assertThat(update.tenantChanged()).isNull();
		assertThat(update.events()).isEmpty();
		assertThat(block(this.store.findThread(thread.id()))).isEqualTo(update.thread());
		assertThat(allEvents(thread.id())).extracting(Event::type).containsExactly(EventType.THREAD_CREATED);
		ThreadUpdate again = block(this.store.updateThread(thread.id(), new ThreadPatch(null, Map.of("x", 1)), alice));
		assertThat(again.thread().updatedAt()).isAfter(update.thread().updatedAt());
	}

	@Test
	@SpecItem("ACP-10.12")
	void patchingTheTenantAppendsTenantChangedFromAndTo() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		ThreadUpdate update = block(
				this.store.updateThread(thread.id(), new ThreadPatch(tenant("org", "A", "ws", "X"), null), alice));
		assertThat(update.thread().tenant()).isEqualTo(tenant("org", "A", "ws", "X"));
		assertThat(update.thread().metadata()).isEqualTo(thread.metadata());
		Event changed = update.tenantChanged();
		assertThat(changed).isNotNull();
		assertThat(changed.payload())
			.isEqualTo(new EventPayload.TenantChanged(tenant("org", "A"), tenant("org", "A", "ws", "X")));
		assertThat(changed.author()).isEqualTo(alice);
		assertThat(allEvents(thread.id())).extracting(Event::type)
			.containsExactly(EventType.THREAD_CREATED, EventType.THREAD_TENANT_CHANGED);
		assertThat(visibleTo(bob.tenant())).doesNotContain(thread.id());
	}

	@Test
	void patchingTheSameTenantWritesNoEvent() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		ThreadUpdate update = block(
				this.store.updateThread(thread.id(), new ThreadPatch(tenant("org", "A"), null), alice));
		assertThat(update.tenantChanged()).isNull();
		assertThat(update.thread().updatedAt()).isAfter(thread.updatedAt());
		assertThat(allEvents(thread.id())).hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.52")
	void deletingAThreadRemovesEverythingAndAnswersItsActiveRuns() {
		AcpThread thread = threadWithAssistants(helper, slow);
		Run done = invoke(thread, "helper").runs().get(0).run();
		block(this.store.startRun(done.id(), "node-1"));
		block(this.store.finishRun(done.id(), RunStatus.COMPLETED, null));
		Run active = invoke(thread, "slow").runs().get(0).run();
		block(this.store.append(message(thread.id(), alice, "c1")));
		ThreadDeletion deletion = block(this.store.deleteThread(thread.id()));
		assertThat(deletion.thread()).isEqualTo(thread);
		assertThat(deletion.abortedRuns()).extracting(Run::id).containsExactly(active.id());
		assertThat(block(this.store.findThread(thread.id()))).isNull();
		assertThat(block(this.store.findRun(active.id()))).isNull();
		assertThat(block(this.store.findRun(done.id()))).isNull();
		assertThat(block(this.store.findMember(thread.id(), "alice"))).isNull();
		assertThat(block(this.store.listEvents(thread.id(), EventQuery.ascending(10))).items()).isEmpty();
		assertThat(block(this.store.finishRun(active.id(), RunStatus.CANCELLED, null))).isNull();
		assertThat(block(this.store.countActiveRuns())).isZero();
		assertThat(block(this.store.deleteThread(thread.id()))).isNull();
		assertNotFound(this.store.append(message(thread.id(), alice, null)));
		assertThat(visibleTo(alice.tenant())).doesNotContain(thread.id());
	}

	// Members

	@Test
	@SpecItem("ACP-10.15")
	void addingAMemberIsIdempotent() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		MemberAddition added = block(this.store.addMember(thread.id(), bob, "member", alice));
		assertThat(added.added()).isTrue();
		assertThat(added.member().identity()).isEqualTo(bob);
		assertThat(added.member().addedBy()).isEqualTo(alice);
		assertThat(added.event()).isNotNull();
		assertThat(added.event().payload()).isEqualTo(new EventPayload.MemberAdded(bob));
		assertThat(added.event().author()).isEqualTo(alice);
		MemberAddition repeated = block(
				this.store.addMember(thread.id(), bob.withMetadata(Map.of("x", 1)), "admin", sys));
		assertThat(repeated.added()).isFalse();
		assertThat(repeated.event()).isNull();
		assertThat(repeated.events()).isEmpty();
		assertThat(repeated.member()).isEqualTo(added.member());
		assertThat(allEvents(thread.id())).extracting(Event::type)
			.containsExactly(EventType.THREAD_CREATED, EventType.THREAD_MEMBER_ADDED);
	}

	@Test
	@SpecItem("ACP-10.16")
	void removingAMemberAppendsItsStoredSnapshotAndRemovingANonMemberWritesNothing() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		assertThat(block(this.store.removeMember(thread.id(), "bob", alice))).isNull();
		block(this.store.addMember(thread.id(), bob, "member", alice));
		MemberRemoval removal = block(this.store.removeMember(thread.id(), "bob", sys));
		assertThat(removal.member().identity()).isEqualTo(bob);
		assertThat(removal.event().payload()).isEqualTo(new EventPayload.MemberRemoved(bob));
		assertThat(removal.event().author()).isEqualTo(sys);
		assertThat(block(this.store.findMember(thread.id(), "bob"))).isNull();
		assertThat(block(this.store.removeMember(thread.id(), "bob", alice))).isNull();
		assertThat(allEvents(thread.id())).extracting(Event::type)
			.containsExactly(EventType.THREAD_CREATED, EventType.THREAD_MEMBER_ADDED, EventType.THREAD_MEMBER_REMOVED);
	}

	@Test
	void membersAreListedInTheOrderAdded() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		for (Identity member : List.of(helper, bob, slow, boom)) {
			block(this.store.addMember(thread.id(), member, "member", alice));
		}
		assertThat(block(this.store.listMembers(thread.id()).collectList())).extracting(ThreadMember::identityId)
			.containsExactly("alice", "helper", "bob", "slow", "boom");
	}

	@Test
	void theLastMemberCanBeRemovedAndTheThreadPersists() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		block(this.store.removeMember(thread.id(), "alice", alice));
		assertThat(block(this.store.listMembers(thread.id()).collectList())).isEmpty();
		assertThat(block(this.store.findThread(thread.id()))).isEqualTo(thread);
		assertThat(block(this.store.addMember(thread.id(), alice, "member", sys)).added()).isTrue();
	}

	// Events

	@Test
	void appendingAssignsTheStoresStrictlyIncreasingTime() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		Event draft = message(thread.id(), alice, null).withCreatedAt(Instant.parse("2000-01-01T00:00:00Z"));
		EventAppend append = block(this.store.append(draft));
		assertThat(append.appended()).isTrue();
		assertThat(append.event().id()).isEqualTo(draft.id());
		assertThat(append.event().createdAt()).isAfter(thread.createdAt());
		assertThat(append.events()).containsExactly(append.event());
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			times.add(block(this.store.append(message(thread.id(), alice, null))).event().createdAt());
		}
		assertThat(times).isSorted().doesNotHaveDuplicates();
		assertThat(allEvents(thread.id()).get(1)).isEqualTo(append.event());
	}

	@Test
	@SpecItem("ACP-10.17")
	@SpecItem("ACP-10.18")
	void aRepeatedClientIdAnswersTheOriginalEvent() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		block(this.store.addMember(thread.id(), bob, "member", alice));
		EventAppend first = block(this.store.append(message(thread.id(), alice, "c1")));
		assertThat(first.appended()).isTrue();
		assertThat(first.event().clientId()).isEqualTo("c1");
		assertThat(first.event().author()).isEqualTo(alice);
		assertThat(first.event().runId()).isNull();
		EventAppend repeat = block(this.store.append(message(thread.id(), alice, "c1")));
		assertThat(repeat.appended()).isFalse();
		assertThat(repeat.event()).isEqualTo(first.event());
		assertThat(repeat.events()).isEmpty();
		EventAppend otherAuthor = block(this.store.append(message(thread.id(), bob, "c1")));
		assertThat(otherAuthor.appended()).isTrue();
		assertThat(allEvents(thread.id())).filteredOn((event) -> event.type() == EventType.MESSAGE)
			.extracting(Event::id)
			.containsExactly(first.event().id(), otherAuthor.event().id());
	}

	@Test
	void anEventIdAlreadyStoredIsRefused() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		AcpThread other = createThread(alice, tenant("org", "A"));
		Event event = message(thread.id(), alice, null);
		block(this.store.append(event));
		assertThatExceptionOfType(DuplicateEventIdException.class).isThrownBy(() -> block(this.store.append(event)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INTERNAL_ERROR));
		Event elsewhere = new Event(event.id(), other.id(), null, alice, Instant.now(), null, null, event.payload());
		assertThatExceptionOfType(DuplicateEventIdException.class)
			.isThrownBy(() -> block(this.store.append(elsewhere)));
		assertThat(allEvents(thread.id())).hasSize(2);
		assertThat(allEvents(other.id())).hasSize(1);
	}

	@Test
	void eventsOfARunAreAppendedOnlyWhileItRuns() {
		AcpThread thread = threadWithAssistants(helper);
		Run run = invoke(thread, "helper").runs().get(0).run();
		assertThat(block(this.store.append(reasoning(run, "early")))).isNull();
		block(this.store.startRun(run.id(), "node-1"));
		EventAppend appended = block(this.store.append(reasoning(run, "thinking")));
		assertThat(appended.appended()).isTrue();
		block(this.store.finishRun(run.id(), RunStatus.COMPLETED, null));
		assertThat(block(this.store.append(reasoning(run, "late")))).isNull();
		assertThat(allEvents(thread.id())).filteredOn((event) -> run.id().equals(event.runId()))
			.extracting(Event::type)
			.containsExactly(EventType.RUN_STARTED, EventType.REASONING, EventType.RUN_COMPLETED);
	}

	@Test
	void eventsArePagedInBothOrdersWithExclusiveCursorsAndFilteredByType() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		List<Event> messages = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			messages.add(block(this.store.append(message(thread.id(), alice, null))).event());
			if (i == 2) {
				block(this.store.addMember(thread.id(), bob, "member", alice));
			}
		}
		List<Event> log = allEvents(thread.id());
		assertThat(log).hasSize(7);
		Page<Event> first = block(this.store.listEvents(thread.id(), EventQuery.ascending(3)));
		assertThat(first.items()).containsExactlyElementsOf(log.subList(0, 3));
		assertThat(first.nextCursor()).isEqualTo(log.get(2).cursor());
		Page<Event> rest = block(
				this.store.listEvents(thread.id(), EventQuery.ascending(10).after(first.nextCursor())));
		assertThat(rest.items()).containsExactlyElementsOf(log.subList(3, 7));
		assertThat(rest.nextCursor()).isNull();
		EventQuery newest = new EventQuery(2, null, true, Set.of());
		Page<Event> descending = block(this.store.listEvents(thread.id(), newest));
		assertThat(descending.items()).containsExactly(log.get(6), log.get(5));
		Page<Event> older = block(this.store.listEvents(thread.id(), newest.after(descending.nextCursor())));
		assertThat(older.items()).containsExactly(log.get(4), log.get(3));
		Page<Event> onlyMessages = block(
				this.store.listEvents(thread.id(), new EventQuery(10, null, false, Set.of(EventType.MESSAGE))));
		assertThat(onlyMessages.items()).containsExactlyElementsOf(messages);
		Page<Event> afterSecond = block(this.store.listEvents(thread.id(),
				new EventQuery(2, messages.get(1).cursor(), false, Set.of(EventType.MESSAGE))));
		assertThat(afterSecond.items()).containsExactly(messages.get(2), messages.get(3));
		assertThat(afterSecond.nextCursor()).isEqualTo(messages.get(3).cursor());
	}

	@Test
	@SpecItem("ACP-10.37")
	void replayReturnsTheEventsStrictlyAfterTheCursor() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		Event m0 = block(this.store.append(message(thread.id(), alice, null))).event();
		Event m1 = block(this.store.append(message(thread.id(), alice, null))).event();
		Event m2 = block(this.store.append(message(thread.id(), alice, null))).event();
		Replay replay = block(this.store.replay(thread.id(), m0.cursor(), 500));
		assertThat(replay.events()).containsExactly(m1, m2);
		assertThat(replay.truncated()).isFalse();
		Replay betweenM0AndM1 = block(this.store.replay(thread.id(), new Cursor(m0.createdAt(), m0.id() + "~"), 500));
		assertThat(betweenM0AndM1.events()).containsExactly(m1, m2);
	}

	@Test
	@SpecItem("ACP-10.38")
	void replayBeyondTheCapReturnsTheNewestInAscendingOrder() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		Event since = block(this.store.append(message(thread.id(), alice, null))).event();
		List<Event> after = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			after.add(block(this.store.append(message(thread.id(), alice, null))).event());
		}
		Replay replay = block(this.store.replay(thread.id(), since.cursor(), 2));
		assertThat(replay.events()).containsExactly(after.get(3), after.get(4));
		assertThat(replay.truncated()).isTrue();
		Replay exact = block(this.store.replay(thread.id(), since.cursor(), 5));
		assertThat(exact.events()).containsExactlyElementsOf(after);
		assertThat(exact.truncated()).isFalse();
	}

	@Test
	void replayWithoutACursorReadsTheWholeLogOrItsNewestEvents() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		Event last = null;
		for (int i = 0; i < 3; i++) {
			last = block(this.store.append(message(thread.id(), alice, null))).event();
		}
		List<Event> log = allEvents(thread.id());
		assertThat(block(this.store.replay(thread.id(), null, Integer.MAX_VALUE)).events())
			.containsExactlyElementsOf(log);
		assertThat(block(this.store.replay(thread.id(), null, 2)).events())
			.containsExactlyElementsOf(log.subList(2, 4));
		assertThat(block(this.store.replay(thread.id(), last.cursor(), 10)).events()).isEmpty();
		Cursor future = new Cursor(last.createdAt().plus(Duration.ofDays(1)), "evt");
		assertThat(block(this.store.replay(thread.id(), future, 10))).isEqualTo(new Replay(List.of(), false));
	}

	// Runs

	@Test
	@SpecItem("ACP-10.20")
	void invokingCreatesPendingRunsInRequestOrder() {
		AcpThread thread = threadWithAssistants(helper, boom);
		Invocation invocation = block(this.store.invoke(thread.id(),
				InvocationRequest.of(List.of("boom", "helper"), alice, null, Map.of("temperature", 0.5))));
		assertThat(invocation.anyCreated()).isTrue();
		assertThat(invocation.runs()).extracting((entry) -> entry.run().assistant()).containsExactly(boom, helper);
		assertThat(invocation.createdRuns()).hasSize(2);
		Run run = invocation.runs().get(1).run();
		assertThat(run.status()).isEqualTo(RunStatus.PENDING);
		assertThat(run.threadId()).isEqualTo(thread.id());
		assertThat(run.triggeredBy()).isEqualTo(alice);
		assertThat(run.metadata()).isEqualTo(Map.of("temperature", 0.5));
		assertThat(run.idempotencyKey()).isNull();
		assertThat(run.completedAt()).isNull();
		assertThat(run.error()).isNull();
		assertThat(run.chainDepth()).isZero();
		assertThat(run.parentRunId()).isNull();
		assertThat(block(this.store.findRun(run.id()))).isEqualTo(run);
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).hasSize(2);
		assertThat(allEvents(thread.id())).extracting(Event::type).doesNotContain(EventType.RUN_STARTED);
	}

	@Test
	@SpecItem("ACP-10.23")
	void invokingAnAssistantWithAnActiveRunCoalescesOntoIt() {
		AcpThread thread = threadWithAssistants(slow, helper);
		Run first = invoke(thread, "slow").runs().get(0).run();
		block(this.store.startRun(first.id(), "node-1"));
		Invocation again = block(this.store.invoke(thread.id(),
				InvocationRequest.of(List.of("slow", "helper"), bob, null, Map.of("other", true))));
		assertThat(again.runs().get(0).created()).isFalse();
		assertThat(again.runs().get(0).run().id()).isEqualTo(first.id());
		assertThat(again.runs().get(0).run().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(again.runs().get(1).created()).isTrue();
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).hasSize(2);
		block(this.store.finishRun(first.id(), RunStatus.COMPLETED, null));
		assertThat(invoke(thread, "slow").runs().get(0).created()).isTrue();
	}

	@Test
	@SpecItem("ACP-10.21")
	void anAssistantThatIsNotAnAssistantMemberFailsTheWholeInvocation() {
		AcpThread thread = threadWithAssistants(helper);
		block(this.store.addMember(thread.id(), bob, "member", alice));
		for (List<String> ids : List.of(List.of("helper", "nope"), List.of("helper", "bob"), List.of("slow"))) {
			assertThatExceptionOfType(AcpException.class)
				.isThrownBy(() -> block(this.store.invoke(thread.id(), InvocationRequest.of(ids, alice, "K", null))))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.FORBIDDEN))
				.withMessageStartingWith("assistant not a member of this thread: ");
		}
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).isEmpty();
		assertThat(invoke(thread, "helper").anyCreated()).isTrue();
		assertThat(
				block(this.store.invoke(thread.id(), InvocationRequest.of(List.of("helper"), alice, "K", null))).runs())
			.hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.24")
	void anIdempotentReplayAnswersTheRecordedRunInItsCurrentState() {
		AcpThread thread = threadWithAssistants(helper, boom);
		InvocationRequest request = InvocationRequest.of(List.of("helper"), alice, "K", null);
		Invocation first = block(this.store.invoke(thread.id(), request));
		Run r1 = first.runs().get(0).run();
		assertThat(first.anyCreated()).isTrue();
		assertThat(r1.idempotencyKey()).isEqualTo("K");
		block(this.store.startRun(r1.id(), "node-1"));
		block(this.store.finishRun(r1.id(), RunStatus.COMPLETED, null));
		Invocation replay = block(this.store.invoke(thread.id(), request));
		assertThat(replay.anyCreated()).isFalse();
		assertThat(replay.runs()).singleElement().satisfies((entry) -> {
			assertThat(entry.run().id()).isEqualTo(r1.id());
			assertThat(entry.run().status()).isEqualTo(RunStatus.COMPLETED);
		});
		assertThatExceptionOfType(AcpException.class)
			.isThrownBy(() -> block(
					this.store.invoke(thread.id(), InvocationRequest.of(List.of("helper", "boom"), alice, "K", null))))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.IDEMPOTENCY_CONFLICT))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(409));
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).isEmpty();
	}

	@Test
	@SpecItem("ACP-10.25")
	void aMultiAssistantReplayAnswersTheSameRunsInTheRequestsOrder() {
		AcpThread thread = threadWithAssistants(helper, boom);
		Invocation first = block(
				this.store.invoke(thread.id(), InvocationRequest.of(List.of("helper", "boom"), alice, "K2", null)));
		List<String> ids = first.runs().stream().map((entry) -> entry.run().id()).toList();
		assertThat(ids).doesNotHaveDuplicates().hasSize(2);
		Invocation same = block(
				this.store.invoke(thread.id(), InvocationRequest.of(List.of("helper", "boom"), alice, "K2", null)));
		assertThat(same.runs()).extracting((entry) -> entry.run().id()).containsExactlyElementsOf(ids);
		Invocation reordered = block(
				this.store.invoke(thread.id(), InvocationRequest.of(List.of("boom", "helper"), bob, "K2", null)));
		assertThat(reordered.anyCreated()).isFalse();
		assertThat(reordered.runs()).extracting((entry) -> entry.run().id()).containsExactly(ids.get(1), ids.get(0));
	}

	@Test
	void anIdempotencyKeyBelongsToItsThread() {
		AcpThread thread = threadWithAssistants(helper);
		AcpThread other = threadWithAssistants(helper);
		Run run = block(this.store.invoke(thread.id(), InvocationRequest.of(List.of("helper"), alice, "K", null)))
			.runs()
			.get(0)
			.run();
		Invocation elsewhere = block(
				this.store.invoke(other.id(), InvocationRequest.of(List.of("helper"), alice, "K", null)));
		assertThat(elsewhere.anyCreated()).isTrue();
		assertThat(elsewhere.runs().get(0).run().id()).isNotEqualTo(run.id());
	}

	@Test
	void anIdempotentInvocationThatCoalescedReplaysTheActiveRun() {
		AcpThread thread = threadWithAssistants(slow);
		Run active = invoke(thread, "slow").runs().get(0).run();
		InvocationRequest keyed = InvocationRequest.of(List.of("slow"), alice, "K3", null);
		Invocation coalesced = block(this.store.invoke(thread.id(), keyed));
		assertThat(coalesced.anyCreated()).isFalse();
		assertThat(coalesced.runs().get(0).run().id()).isEqualTo(active.id());
		block(this.store.finishRun(active.id(), RunStatus.CANCELLED, null));
		Invocation replay = block(this.store.invoke(thread.id(), keyed));
		assertThat(replay.anyCreated()).isFalse();
		assertThat(replay.runs().get(0).run().id()).isEqualTo(active.id());
		assertThat(replay.runs().get(0).run().status()).isEqualTo(RunStatus.CANCELLED);
	}

	@Test
	void aChainedRunRecordsItsDepthParentAndInvoker() {
		AcpThread thread = threadWithAssistants(helper, boom);
		Run parent = invoke(thread, "boom").runs().get(0).run();
		Run chained = block(this.store.invoke(thread.id(), InvocationRequest.chained("helper", parent))).runs()
			.get(0)
			.run();
		assertThat(chained.triggeredBy()).isEqualTo(boom);
		assertThat(chained.chainDepth()).isEqualTo(1);
		assertThat(chained.parentRunId()).isEqualTo(parent.id());
		assertThat(block(this.store.findRun(chained.id()))).isEqualTo(chained);
		Run self = block(this.store.invoke(thread.id(), InvocationRequest.chained("boom", parent))).runs().get(0).run();
		assertThat(self.id()).isEqualTo(parent.id());
	}

	@Test
	@SpecItem("ACP-10.20")
	void aRunMovesPendingRunningCompletedWithOneEventPerTransition() {
		AcpThread thread = threadWithAssistants(helper);
		Run run = invoke(thread, "helper").runs().get(0).run();
		RunTransition started = block(this.store.startRun(run.id(), "node-1"));
		assertThat(started.run().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(started.run().completedAt()).isNull();
		assertRunEvent(started, run, new EventPayload.RunStarted());
		assertThat(block(this.store.startRun(run.id(), "node-2"))).isNull();
		RunTransition completed = block(this.store.finishRun(run.id(), RunStatus.COMPLETED, null));
		assertThat(completed.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(completed.run().completedAt()).isNotNull().isAfterOrEqualTo(run.startedAt());
		assertThat(completed.run().error()).isNull();
		assertRunEvent(completed, run, new EventPayload.RunCompleted());
		assertThat(block(this.store.findRun(run.id()))).isEqualTo(completed.run());
		assertThat(block(this.store.finishRun(run.id(), RunStatus.CANCELLED, null))).isNull();
		assertThat(block(this.store.finishRun(run.id(), RunStatus.FAILED, new RunError("timeout", "late")))).isNull();
		assertThat(runEvents(thread, run)).containsExactly(EventType.RUN_STARTED, EventType.RUN_COMPLETED);
	}

	@Test
	void aFailedRunCarriesItsErrorOnTheRunAndTheEvent() {
		AcpThread thread = threadWithAssistants(boom);
		Run run = invoke(thread, "boom").runs().get(0).run();
		block(this.store.startRun(run.id(), "node-1"));
		RunError error = new RunError("handler_error", "boom");
		RunTransition failed = block(this.store.finishRun(run.id(), RunStatus.FAILED, error));
		assertThat(failed.run().status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.run().error()).isEqualTo(error);
		assertThat(failed.run().completedAt()).isNotNull();
		assertRunEvent(failed, run, new EventPayload.RunFailed(error));
		assertThat(block(this.store.findRun(run.id()))).isEqualTo(failed.run());
	}

	@Test
	@SpecItem("ACP-10.30")
	void cancellingAPendingRunWritesOnlyRunCancelled() {
		AcpThread thread = threadWithAssistants(slow);
		Run run = invoke(thread, "slow").runs().get(0).run();
		RunTransition cancelled = block(this.store.finishRun(run.id(), RunStatus.CANCELLED, null));
		assertThat(cancelled.run().status()).isEqualTo(RunStatus.CANCELLED);
		assertRunEvent(cancelled, run, new EventPayload.RunCancelled());
		assertThat(block(this.store.startRun(run.id(), "node-1"))).isNull();
		assertThat(runEvents(thread, run)).containsExactly(EventType.RUN_CANCELLED);
	}

	@Test
	void aPendingRunCanFailButNotComplete() {
		AcpThread thread = threadWithAssistants(helper);
		Run run = invoke(thread, "helper").runs().get(0).run();
		assertThat(block(this.store.finishRun(run.id(), RunStatus.COMPLETED, null))).isNull();
		RunTransition failed = block(
				this.store.finishRun(run.id(), RunStatus.FAILED, new RunError("interrupted", "server shutting down")));
		assertThat(failed.run().status()).isEqualTo(RunStatus.FAILED);
		assertThat(runEvents(thread, run)).containsExactly(EventType.RUN_FAILED);
	}

	@Test
	void finishingNeedsATerminalStatusAndAnErrorExactlyForFailed() {
		AcpThread thread = threadWithAssistants(helper);
		Run run = invoke(thread, "helper").runs().get(0).run();
		RunError error = new RunError("timeout", "late");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> block(this.store.finishRun(run.id(), RunStatus.RUNNING, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> block(this.store.finishRun(run.id(), RunStatus.FAILED, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> block(this.store.finishRun(run.id(), RunStatus.CANCELLED, error)));
		assertThat(block(this.store.findRun(run.id())).status()).isEqualTo(RunStatus.PENDING);
	}

	@Test
	void unknownRunsAreNeitherFoundNorMoved() {
		assertThat(block(this.store.findRun("run_x"))).isNull();
		assertThat(block(this.store.startRun("run_x", "node-1"))).isNull();
		assertThat(block(this.store.finishRun("run_x", RunStatus.CANCELLED, null))).isNull();
		assertThat(block(this.store.requestCancel("run_x"))).isNull();
		assertThat(block(this.store.cancelRequested(List.of("run_x")).collectList())).isEmpty();
		block(this.store.heartbeat(List.of("run_x")));
	}

	@Test
	@SpecItem("ACP-10.28")
	void aCancellationRequestIsRecordedOnActiveRunsOnly() {
		AcpThread thread = threadWithAssistants(slow, helper);
		Run run = invoke(thread, "slow").runs().get(0).run();
		Run other = invoke(thread, "helper").runs().get(0).run();
		block(this.store.startRun(run.id(), "node-1"));
		Run requested = block(this.store.requestCancel(run.id()));
		assertThat(requested.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(block(this.store.cancelRequested(List.of(run.id(), other.id())).collectList()))
			.containsExactly(run.id());
		block(this.store.finishRun(run.id(), RunStatus.CANCELLED, null));
		assertThat(block(this.store.cancelRequested(List.of(run.id(), other.id())).collectList())).isEmpty();
		Run terminal = block(this.store.requestCancel(run.id()));
		assertThat(terminal.status()).isEqualTo(RunStatus.CANCELLED);
		assertThat(block(this.store.finishRun(run.id(), RunStatus.CANCELLED, null))).isNull();
		assertThat(runEvents(thread, run)).containsExactly(EventType.RUN_STARTED, EventType.RUN_CANCELLED);
	}

	@Test
	void runsWithoutRecentHeartbeatsAreOrphaned() {
		AcpThread thread = threadWithAssistants(helper, slow, boom);
		Run quiet = invoke(thread, "helper").runs().get(0).run();
		Run alive = invoke(thread, "slow").runs().get(0).run();
		Run finished = invoke(thread, "boom").runs().get(0).run();
		block(this.store.startRun(alive.id(), "node-1"));
		block(this.store.finishRun(finished.id(), RunStatus.CANCELLED, null));
		assertThat(block(this.store.orphanedRuns(Duration.ofMinutes(30)).collectList())).isEmpty();
		ageHeartbeats(Duration.ofHours(1));
		block(this.store.heartbeat(List.of(alive.id(), finished.id())));
		assertThat(block(this.store.orphanedRuns(Duration.ofMinutes(30)).collectList())).extracting(Run::id)
			.containsExactly(quiet.id());
		assertThat(block(this.store.countActiveRuns())).isEqualTo(2);
	}

	// Concurrency

	@Test
	void concurrentInvocationsWithOneIdempotencyKeyCreateOneRun() {
		AcpThread thread = threadWithAssistants(helper);
		InvocationRequest request = InvocationRequest.of(List.of("helper"), alice, "K", null);
		List<Invocation> invocations = concurrently(1000, (i) -> this.store.invoke(thread.id(), request));
		assertThat(invocations).hasSize(1000);
		assertThat(invocations.stream().map((invocation) -> invocation.runs().get(0).run().id()).distinct()).hasSize(1);
		assertThat(invocations).filteredOn(Invocation::anyCreated).hasSize(1);
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).hasSize(1);
	}

	@Test
	void concurrentInvocationsOfOneAssistantLeaveOneActiveRun() {
		AcpThread thread = threadWithAssistants(slow);
		List<Invocation> invocations = concurrently(50,
				(i) -> this.store.invoke(thread.id(), InvocationRequest.of(List.of("slow"), alice, null, null)));
		assertThat(invocations.stream().map((invocation) -> invocation.runs().get(0).run().id()).distinct()).hasSize(1);
		assertThat(invocations).filteredOn(Invocation::anyCreated).hasSize(1);
		assertThat(block(this.store.activeRuns(thread.id()).collectList())).hasSize(1);
	}

	@Test
	@SpecItem("ACP-10.50")
	void concurrentAppendsFromTwentyClientsKeepAStrictGapFreeOrder() {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		int clients = 20;
		int perClient = 25;
		AtomicBoolean appending = new AtomicBoolean(true);
		List<List<Event>> snapshots = new ArrayList<>();
		Mono<Void> reader = Mono.fromRunnable(() -> {
			do {
				snapshots.add(allEvents(thread.id()));
			}
			while (appending.get());
		}).subscribeOn(Schedulers.boundedElastic()).then();
		Flux<Event> writers = Flux.range(0, clients)
			.flatMap((client) -> Flux.range(0, perClient)
				.concatMap((i) -> this.store.append(message(thread.id(), alice, "client" + client + "-" + i)))
				.map(EventAppend::event)
				.subscribeOn(Schedulers.boundedElastic()), clients)
			.doFinally((signal) -> appending.set(false));
		List<Event> appended = block(
				Mono.zip(writers.collectList(), reader.thenReturn(true)).map((both) -> both.getT1()));
		List<Event> log = allEvents(thread.id());
		assertThat(appended).hasSize(clients * perClient);
		assertThat(log).hasSize(clients * perClient + 1);
		assertThat(log).extracting(Event::id).doesNotHaveDuplicates();
		for (int i = 1; i < log.size(); i++) {
			assertThat(log.get(i).createdAt()).isAfter(log.get(i - 1).createdAt());
		}
		for (int client = 0; client < clients; client++) {
			String prefix = "client" + client + "-";
			assertThat(log).filteredOn((event) -> event.clientId() != null && event.clientId().startsWith(prefix))
				.extracting(Event::clientId)
				.containsExactlyElementsOf(IntStream.range(0, perClient).mapToObj((i) -> prefix + i).toList());
		}
		for (List<Event> snapshot : snapshots) {
			assertThat(log.subList(0, snapshot.size())).as("a reader never sees a gap that fills later")
				.isEqualTo(snapshot);
		}
	}

	// Helpers

	protected final <T> T block(Mono<T> mono) {
		return mono.block(WAIT);
	}

	private <T> List<T> concurrently(int count, Function<Integer, Mono<T>> operation) {
		return block(Flux.range(0, count)
			.flatMap((i) -> operation.apply(i).subscribeOn(Schedulers.boundedElastic()), count)
			.collectList());
	}

	protected final AcpThread createThread(Identity creator, TenantScope tenant) {
		return block(this.store.createThread(NewThread.withTenant(tenant), creator)).thread();
	}

	/**
	 * Thread T of §10: created by alice with tenant {@code {org:A}}, with the given
	 * assistants as members.
	 */
	protected final AcpThread threadWithAssistants(Identity... assistants) {
		AcpThread thread = createThread(alice, tenant("org", "A"));
		for (Identity assistant : assistants) {
			block(this.store.addMember(thread.id(), assistant, "member", alice));
		}
		return thread;
	}

	private Invocation invoke(AcpThread thread, String assistantId) {
		return block(this.store.invoke(thread.id(), InvocationRequest.of(List.of(assistantId), alice, null, null)));
	}

	protected final List<Event> allEvents(String threadId) {
		return block(this.store.replay(threadId, null, Integer.MAX_VALUE)).events();
	}

	private List<String> visibleTo(TenantScope tenant) {
		return block(this.store.listThreads(tenant, 200, null)).items().stream().map(AcpThread::id).toList();
	}

	private List<EventType> runEvents(AcpThread thread, Run run) {
		return allEvents(thread.id()).stream()
			.filter((event) -> run.id().equals(event.runId()))
			.map(Event::type)
			.toList();
	}

	private void assertRunEvent(RunTransition transition, Run run, EventPayload payload) {
		Event event = transition.event();
		assertThat(event.payload()).isEqualTo(payload);
		assertThat(event.runId()).isEqualTo(run.id());
		assertThat(event.author()).isEqualTo(run.assistant());
		assertThat(event.threadId()).isEqualTo(run.threadId());
		assertThat(transition.events()).containsExactly(event);
		assertThat(allEvents(run.threadId())).last().isEqualTo(event);
	}

	private static void assertNotFound(Mono<?> operation) {
		assertThatExceptionOfType(AcpException.class).isThrownBy(operation::block)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.NOT_FOUND));
	}

	protected static Event message(String threadId, Identity author, String clientId) {
		return message(threadId, author, clientId, "hi");
	}

	static Event message(String threadId, Identity author, String clientId, String text) {
		return new EventDraft(clientId, List.of(new ContentPart.Text(text)), null).toEvent(AcpIds.event(), threadId,
				author, Instant.now());
	}

	private static Event reasoning(Run run, String text) {
		return new Event(AcpIds.event(), run.threadId(), run.id(), run.assistant(), Instant.now(), null, null,
				new EventPayload.Reasoning(text));
	}

	protected static TenantScope tenant(String... keysAndValues) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			entries.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return new TenantScope(entries);
	}

	private static Identity user(String id, Map<String, String> tenant) {
		return new Identity(IdentityRole.USER, id, id.substring(0, 1).toUpperCase() + id.substring(1),
				Map.of("tenant", tenant));
	}

}
