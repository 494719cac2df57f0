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

package io.github.agentprotocols.acp;

import java.time.Duration;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where threads, their members, event logs, runs and idempotency records live (spec §7).
 * {@code InMemoryThreadStore} is the embedded default; {@code PostgresThreadStore} keeps
 * them in PostgreSQL. Both enforce every invariant of §7.1 themselves.
 * <p>
 * The store knows nothing of callers' permissions: the gates (§3.3) run before it. It
 * assigns every persisted timestamp from one clock (the database clock in PostgreSQL):
 * event times strictly increase per thread, and appends to one thread commit in that
 * order. Operations that append events answer with a {@link StoreWrite} whose events are
 * committed when it is emitted, for the broadcast funnel to publish.
 * <p>
 * Failures: an {@link AcpException} for the protocol's answers named on each operation (a
 * thread that does not exist is {@code not_found}), a
 * {@link ThreadStoreUnavailableException} when the database cannot be reached.
 */
public interface ThreadStore {

	/**
	 * Creates a thread, adds the creator as a member with role {@code member} and appends
	 * {@code thread.created} at the thread's creation time, in one transaction.
	 * @param thread the tenant and metadata
	 * @param creator the caller
	 * @return the thread, the membership and the event
	 */
	Mono<ThreadCreation> createThread(NewThread thread, Identity creator);

	/**
	 * Finds a thread, whatever its tenant.
	 * @param threadId the thread id
	 * @return the thread, or empty
	 */
	Mono<AcpThread> findThread(String threadId);

	/**
	 * Lists the threads visible to an identity's tenant by the subset match of §2.2,
	 * newest first by {@code (createdAt, id)}.
	 * @param identityTenant the caller's tenant
	 * @param limit the most threads on the page, at least 1
	 * @param before an exclusive bound: only threads older than it, or {@code null}
	 * @return the page; its cursor is the last item's when more threads follow
	 */
	Mono<Page<AcpThread>> listThreads(TenantScope identityTenant, int limit, @Nullable Cursor before);

	/**
	 * Patches a thread: replaces the provided fields, increases {@code updatedAt} and,
	 * when the tenant changes, appends {@code thread.tenant_changed} authored by the
	 * actor, in one transaction.
	 * @param threadId the thread id
	 * @param patch the change
	 * @param actor the caller
	 * @return the thread before and after, and the event if any; {@code not_found} if the
	 * thread does not exist
	 */
	Mono<ThreadUpdate> updateThread(String threadId, ThreadPatch patch, Identity actor);

	/**
	 * Deletes a thread with its events, members, runs and idempotency records. No event
	 * is written.
	 * @param threadId the thread id
	 * @return the thread and the runs that were active, or empty if it did not exist
	 */
	Mono<ThreadDeletion> deleteThread(String threadId);

	/**
	 * Lists a thread's members in the order they were added.
	 * @param threadId the thread id
	 * @return the members, none for an unknown thread
	 */
	Flux<ThreadMember> listMembers(String threadId);

	/**
	 * Finds one member of a thread.
	 * @param threadId the thread id
	 * @param identityId the member's identity id
	 * @return the membership, or empty
	 */
	Mono<ThreadMember> findMember(String threadId, String identityId);

	/**
	 * Adds a member, idempotently: an existing member is returned unchanged (its role is
	 * not updated) and nothing is written; a new one is inserted and
	 * {@code thread.member_added} appended, authored by the actor.
	 * @param threadId the thread id
	 * @param identity the identity snapshot to store
	 * @param role the membership label
	 * @param actor the caller
	 * @return the membership and whether it is new; {@code not_found} if the thread does
	 * not exist
	 */
	Mono<MemberAddition> addMember(String threadId, Identity identity, String role, Identity actor);

	/**
	 * Removes a member and appends {@code thread.member_removed} with the stored
	 * snapshot, authored by the actor. Active runs of a removed assistant are left to the
	 * caller to cancel (§8 E3).
	 * @param threadId the thread id
	 * @param identityId the member's identity id
	 * @param actor the caller
	 * @return the removed membership and the event, or empty if it was not a member;
	 * {@code not_found} if the thread does not exist
	 */
	Mono<MemberRemoval> removeMember(String threadId, String identityId, Identity actor);

	/**
	 * Appends an event to its thread's log at the next time of the thread's clock (§7.3):
	 * the later of now and the previous event's time plus one microsecond. The event's
	 * own {@code createdAt} is ignored. An event with a client id is appended only once
	 * per {@code (thread, author id, client id)}: a repeat answers the original event. An
	 * event of a run is appended only while the run is {@code running}, checked under the
	 * same lock.
	 * @param event the event, its id new
	 * @return the stored event, or the original of a deduplicated one; empty when the
	 * event belongs to a run that is not running; {@code not_found} if the thread does
	 * not exist; {@link DuplicateEventIdException} if the id is taken
	 */
	Mono<EventAppend> append(Event event);

	/**
	 * Lists one page of a thread's events (§4.6).
	 * @param threadId the thread id
	 * @param query the limit, cursor, order and types
	 * @return the page; its cursor is the last item's when more events follow
	 */
	Mono<Page<Event>> listEvents(String threadId, EventQuery query);

	/**
	 * The events strictly after a cursor, oldest first, at most {@code cap} of them: when
	 * there are more, the newest {@code cap}, with the truncated flag (§5.5, §7.3).
	 * Without a cursor, the events from the start of the log, so {@code ctx.events(n)} is
	 * a replay with cap {@code n}.
	 * @param threadId the thread id
	 * @param since the exclusive cursor, or {@code null} for the whole log
	 * @param cap the most events returned, at least 1
	 * @return the events and whether some were left out
	 */
	Mono<Replay> replay(String threadId, @Nullable Cursor since, int cap);

	/**
	 * Records an invocation (§6.1) in one transaction. With an idempotency key, the key
	 * is claimed first: a key already used on this thread with the same assistant set
	 * answers the recorded runs in their current state and in this request's order; with
	 * another set, {@code idempotency_conflict}. Then, per assistant in request order, a
	 * {@code pending} run is created unless the assistant has an active run on the
	 * thread, which is returned unchanged instead. No event is written.
	 * @param threadId the thread id
	 * @param request the assistants, caller, key and options
	 * @return the runs in request order, each marked created or not; {@code not_found} if
	 * the thread does not exist; {@code forbidden} if an assistant is not an assistant
	 * member of the thread (and then no run is created)
	 */
	Mono<Invocation> invoke(String threadId, InvocationRequest request);

	/**
	 * Finds a run.
	 * @param runId the run id
	 * @return the run, or empty
	 */
	Mono<Run> findRun(String runId);

	/**
	 * Lists a thread's active ({@code pending} or {@code running}) runs.
	 * @param threadId the thread id
	 * @return the active runs
	 */
	Flux<Run> activeRuns(String threadId);

	/**
	 * Moves a run from {@code pending} to {@code running}, records the node executing it,
	 * and appends {@code run.started}.
	 * @param runId the run id
	 * @param ownerNode the executing node's id
	 * @return the run and the event, or empty when the run is not pending (for example
	 * cancelled meanwhile) or does not exist
	 */
	Mono<RunTransition> startRun(String runId, String ownerNode);

	/**
	 * Ends a run: moves it to a terminal status if the transition is legal (§2.5), sets
	 * {@code completedAt} and the error, and appends the terminal {@code run.*} event in
	 * the same transaction. When two terminal transitions race, the first wins and the
	 * second is a silent no-op.
	 * @param runId the run id
	 * @param status {@code completed} (from running), {@code failed} or {@code cancelled}
	 * (from pending or running)
	 * @param error the error, required for and only for {@code failed}
	 * @return the run and the event, or empty when the transition is not legal from the
	 * run's status or the run does not exist
	 */
	Mono<RunTransition> finishRun(String runId, RunStatus status, @Nullable RunError error);

	/**
	 * Records a cancellation request on an active run (§6.6); the first request's time is
	 * kept. The executor owning the run then cancels it, or the caller ends a pending run
	 * itself with {@link #finishRun}.
	 * @param runId the run id
	 * @return the run in its current status (active means the request was recorded), or
	 * empty if it does not exist
	 */
	Mono<Run> requestCancel(String runId);

	/**
	 * The runs among the given ones that are active and have a cancellation request: the
	 * executor's fallback poll (§6.6).
	 * @param runIds the ids of the runs an executor holds
	 * @return the ids with a pending cancellation request
	 */
	Flux<String> cancelRequested(Collection<String> runIds);

	/**
	 * Records that the executor holding these runs is alive (§6.9). A run's heartbeat
	 * starts at its creation.
	 * @param runIds the ids of the runs an executor holds
	 * @return completes when recorded; inactive or unknown runs are ignored
	 */
	Mono<Void> heartbeat(Collection<String> runIds);

	/**
	 * The active runs whose last heartbeat is older than the given silence (§6.9), which
	 * the watchdog fails with {@code timeout}.
	 * @param silence how long without a heartbeat makes a run orphaned
	 * @return the orphaned runs
	 */
	Flux<Run> orphanedRuns(Duration silence);

	/**
	 * Counts the active runs of all threads; also the store's reachability check.
	 * @return the number of pending and running runs
	 */
	Mono<Long> countActiveRuns();

}
