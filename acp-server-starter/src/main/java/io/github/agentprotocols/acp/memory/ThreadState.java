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

package io.github.agentprotocols.acp.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.DuplicateEventIdException;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.MemberAddition;
import io.github.agentprotocols.acp.MemberRemoval;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Replay;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.RunTransition;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import io.github.agentprotocols.acp.ThreadUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One thread of the {@link InMemoryThreadStore} with everything that belongs to it:
 * members, event log, runs, idempotency records. Every method runs under the state's
 * lock, the in-memory counterpart of the thread's row lock: operations on one thread
 * serialize, so event times strictly increase in append order. A deleted state refuses
 * every further write.
 */
final class ThreadState {

	private final Set<String> eventIds;

	private volatile AcpThread thread;

	private Instant lastEventAt;

	private boolean deleted;

	private final Map<String, ThreadMember> members = new LinkedHashMap<>();

	private final List<Event> events = new ArrayList<>();

	private final Map<List<String>, Event> eventsByClientId = new HashMap<>();

	private final Map<String, Run> runs = new LinkedHashMap<>();

	private final Map<String, Instant> heartbeats = new HashMap<>();

	private final Map<String, Instant> cancelRequests = new HashMap<>();

	private final Map<String, Invoked> invocations = new HashMap<>();

	/**
	 * Creates the state of a new thread, its creator's membership and its
	 * {@code thread.created} event.
	 * @param thread the thread
	 * @param creator the creator
	 * @param eventIds the ids of all events of the store, shared by all threads
	 */
	ThreadState(AcpThread thread, Identity creator, Set<String> eventIds) {
		this.thread = thread;
		this.eventIds = eventIds;
		this.lastEventAt = thread.createdAt();
		this.members.put(creator.id(), new ThreadMember(thread.id(), creator.id(), creator, ThreadMember.DEFAULT_ROLE,
				thread.createdAt(), creator));
		store(new Event(AcpIds.event(), thread.id(), null, creator, thread.createdAt(), null, null,
				new EventPayload.ThreadCreated(thread.id(), thread.tenant())));
	}

	AcpThread thread() {
		return this.thread;
	}

	synchronized boolean isDeleted() {
		return this.deleted;
	}

	synchronized ThreadMember creator() {
		return this.members.values().iterator().next();
	}

	synchronized Event firstEvent() {
		return this.events.get(0);
	}

	synchronized ThreadUpdate update(ThreadPatch patch, Identity actor, Instant now) {
		requireLive();
		AcpThread previous = this.thread;
		Instant updatedAt = later(now, previous.updatedAt());
		this.thread = new AcpThread(previous.id(), patch.tenantOr(previous.tenant()),
				patch.metadataOr(previous.metadata()), previous.createdAt(), updatedAt);
		Event changed = null;
		if (!previous.tenant().equals(this.thread.tenant())) {
			changed = append(actor, null, new EventPayload.TenantChanged(previous.tenant(), this.thread.tenant()), now);
		}
		return new ThreadUpdate(previous, this.thread, changed);
	}

	synchronized List<Run> delete(Map<String, String> runThreads) {
		requireLive();
		List<Run> active = activeRuns();
		this.deleted = true;
		this.events.forEach((event) -> this.eventIds.remove(event.id()));
		this.runs.keySet().forEach(runThreads::remove);
		return active;
	}

	synchronized List<ThreadMember> members() {
		return List.copyOf(this.members.values());
	}

	synchronized @Nullable ThreadMember member(String identityId) {
		return this.members.get(identityId);
	}

	synchronized MemberAddition addMember(Identity identity, String role, Identity actor, Instant now) {
		requireLive();
		ThreadMember existing = this.members.get(identity.id());
		if (existing != null) {
			return new MemberAddition(existing, false, null);
		}
		ThreadMember member = new ThreadMember(this.thread.id(), identity.id(), identity, role, now, actor);
		this.members.put(identity.id(), member);
		return new MemberAddition(member, true, append(actor, null, new EventPayload.MemberAdded(identity), now));
	}

	synchronized @Nullable MemberRemoval removeMember(String identityId, Identity actor, Instant now) {
		requireLive();
		ThreadMember member = this.members.remove(identityId);
		if (member == null) {
			return null;
		}
		return new MemberRemoval(member, append(actor, null, new EventPayload.MemberRemoved(member.identity()), now));
	}

	synchronized @Nullable EventAppend append(Event event, Instant now) {
		requireLive();
		if (event.runId() != null) {
			Run run = this.runs.get(event.runId());
			if (run == null || run.status() != RunStatus.RUNNING) {
				return null;
			}
		}
		Event original = (event.clientId() != null) ? this.eventsByClientId.get(clientKey(event)) : null;
		if (original != null) {
			return new EventAppend(original, false);
		}
		return new EventAppend(store(event.withCreatedAt(nextEventTime(now))), true);
	}

	synchronized Page<Event> events(EventQuery query) {
		Comparator<Cursor> order = query.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
		Cursor cursor = query.cursor();
		List<Event> matching = this.events.stream()
			.filter((event) -> query.includes(event.type()))
			.filter((event) -> cursor == null || order.compare(event.cursor(), cursor) > 0)
			.sorted(Comparator.comparing(Event::cursor, order))
			.limit(query.limit() + 1L)
			.toList();
		return Page.of(matching, query.limit(), Event::cursor);
	}

	/**
	 * The events after a cursor, at most the {@code cap} latest: read from the log's end,
	 * since event times increase in append order, so that a run's history window costs
	 * its size and not the thread's length.
	 */
	synchronized Replay replay(@Nullable Cursor since, int cap) {
		int end = this.events.size();
		int start = end;
		while (start > 0 && end - start <= cap
				&& (since == null || this.events.get(start - 1).cursor().compareTo(since) > 0)) {
			start--;
		}
		boolean truncated = end - start > cap;
		return new Replay(List.copyOf(this.events.subList(truncated ? start + 1 : start, end)), truncated);
	}

	synchronized Invocation invoke(InvocationRequest request, Instant now, Map<String, String> runThreads) {
		requireLive();
		String key = request.idempotencyKey();
		Invoked recorded = (key != null) ? this.invocations.get(key) : null;
		if (recorded != null) {
			return recorded.replay(request.assistantIds(), this.runs);
		}
		List<Identity> assistants = request.assistantIds().stream().map(this::assistantMember).toList();
		List<Invocation.InvokedRun> invoked = new ArrayList<>();
		for (Identity assistant : assistants) {
			Run active = activeRun(assistant.id());
			if (active != null) {
				invoked.add(new Invocation.InvokedRun(active, false));
				continue;
			}
			Run run = new Run(AcpIds.run(), this.thread.id(), assistant, request.triggeredBy(), RunStatus.PENDING, now,
					null, null, key, request.options(), request.chainDepth(), request.parentRunId());
			this.runs.put(run.id(), run);
			this.heartbeats.put(run.id(), now);
			runThreads.put(run.id(), this.thread.id());
			invoked.add(new Invocation.InvokedRun(run, true));
		}
		if (key != null) {
			this.invocations.put(key,
					new Invoked(request.assistantIds(), invoked.stream().map((entry) -> entry.run().id()).toList()));
		}
		return new Invocation(invoked);
	}

	synchronized @Nullable Run run(String runId) {
		return this.deleted ? null : this.runs.get(runId);
	}

	synchronized List<Run> activeRuns() {
		return this.runs.values().stream().filter((run) -> run.status().isActive()).toList();
	}

	synchronized @Nullable RunTransition startRun(String runId, String ownerNode, Instant now) {
		Objects.requireNonNull(ownerNode, "ownerNode");
		return transition(runId, RunStatus.RUNNING, null, now);
	}

	synchronized @Nullable RunTransition finishRun(String runId, RunStatus status, @Nullable RunError error,
			Instant now) {
		if (!status.isTerminal()) {
			throw new IllegalArgumentException("not a terminal status: " + status);
		}
		return transition(runId, status, error, now);
	}

	private @Nullable RunTransition transition(String runId, RunStatus target, @Nullable RunError error, Instant now) {
		EventPayload payload = EventPayload.ofRunTransition(target, error);
		Run run = this.deleted ? null : this.runs.get(runId);
		if (run == null || !target.legalSources().contains(run.status())) {
			return null;
		}
		Run moved = new Run(run.id(), run.threadId(), run.assistant(), run.triggeredBy(), target, run.startedAt(),
				target.isTerminal() ? now : null, error, run.idempotencyKey(), run.metadata(), run.chainDepth(),
				run.parentRunId());
		this.runs.put(runId, moved);
		return new RunTransition(moved, append(run.assistant(), runId, payload, now));
	}

	synchronized @Nullable Run requestCancel(String runId, Instant now) {
		Run run = run(runId);
		if (run != null && run.status().isActive()) {
			this.cancelRequests.putIfAbsent(runId, now);
		}
		return run;
	}

	synchronized boolean isCancelRequested(String runId) {
		Run run = run(runId);
		return run != null && run.status().isActive() && this.cancelRequests.containsKey(runId);
	}

	synchronized void heartbeat(String runId, Instant now) {
		Run run = run(runId);
		if (run != null && run.status().isActive()) {
			this.heartbeats.put(runId, now);
		}
	}

	synchronized List<Run> orphanedRuns(Instant now, Duration silence) {
		Instant threshold = now.minus(silence);
		return activeRuns().stream().filter((run) -> this.heartbeats.get(run.id()).isBefore(threshold)).toList();
	}

	private Identity assistantMember(String assistantId) {
		ThreadMember member = this.members.get(assistantId);
		if (member == null || member.identity().role() != IdentityRole.ASSISTANT) {
			throw AcpException.forbidden("assistant not a member of this thread: " + assistantId);
		}
		return member.identity();
	}

	private @Nullable Run activeRun(String assistantId) {
		return this.runs.values()
			.stream()
			.filter((run) -> run.assistantId().equals(assistantId) && run.status().isActive())
			.findFirst()
			.orElse(null);
	}

	private Event append(Identity author, @Nullable String runId, EventPayload payload, Instant now) {
		return store(
				new Event(AcpIds.event(), this.thread.id(), runId, author, nextEventTime(now), null, null, payload));
	}

	private Event store(Event event) {
		if (!this.eventIds.add(event.id())) {
			throw new DuplicateEventIdException(event.id());
		}
		this.events.add(event);
		if (event.clientId() != null) {
			this.eventsByClientId.put(clientKey(event), event);
		}
		this.lastEventAt = event.createdAt();
		return event;
	}

	private Instant nextEventTime(Instant now) {
		return later(now, this.lastEventAt);
	}

	private static Instant later(Instant now, Instant previous) {
		Instant next = previous.plus(1, ChronoUnit.MICROS);
		Instant truncated = now.truncatedTo(ChronoUnit.MICROS);
		return truncated.isAfter(next) ? truncated : next;
	}

	private static List<String> clientKey(Event event) {
		return List.of(event.author().id(), Objects.requireNonNull(event.clientId()));
	}

	private void requireLive() {
		if (this.deleted) {
			throw AcpException.notFound("thread not found");
		}
	}

	/**
	 * An idempotency record: the requested assistant ids and the runs answered.
	 */
	private record Invoked(List<String> assistantIds, List<String> runIds) {

		Invocation replay(List<String> requested, Map<String, Run> runs) {
			if (!new HashSet<>(requested).equals(new HashSet<>(this.assistantIds))) {
				throw AcpException.idempotencyConflict("idempotency_key reused with a different assistant set");
			}
			return new Invocation(requested.stream()
				.map((assistantId) -> runs.get(this.runIds.get(this.assistantIds.indexOf(assistantId))))
				.map((run) -> new Invocation.InvokedRun(run, false))
				.toList());
		}

	}

}
