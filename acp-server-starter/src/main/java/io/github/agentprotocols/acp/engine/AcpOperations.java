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

package io.github.agentprotocols.acp.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpBroadcast.ThreadRemoved.Reason;
import io.github.agentprotocols.acp.AcpBroadcast;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.MemberAddition;
import io.github.agentprotocols.acp.NewMember;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadMember;
import io.github.agentprotocols.acp.ThreadPatch;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ThreadUpdate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The x64acp operations behind both transports (spec §4; Socket.IO's
 * {@code message:send}, {@code assistant:invoke} and {@code run:cancel} are thin shells
 * over the same ones). Each runs the gates of §3.3 from step 3 on (the transport has
 * authenticated the caller and parsed the request), then the semantic checks, then the
 * store write through the {@link AcpBroadcaster}, which runs it in the thread's order and
 * delivers what it committed (§5.6 to §5.8): events, {@code thread:updated},
 * {@code members:updated} and the removal of sockets that lost access.
 * <p>
 * Socket.IO calls the overloads that take the caller's namespace, so that in namespace
 * mode a thread outside it is not found (§3.3 step 4).
 */
public class AcpOperations {

	private final ThreadStore store;

	private final AcpGates gates;

	private final AcpBroadcaster broadcaster;

	private final AssistantRuns runs;

	private final Clock clock;

	private AcpOperations(Builder builder) {
		this.store = builder.store;
		this.gates = builder.gates;
		this.broadcaster = builder.broadcaster;
		this.runs = builder.runs;
		this.clock = builder.clock;
	}

	/**
	 * A builder of operations on the given store, behind the given gates.
	 * @param store the thread store
	 * @param gates the gates
	 * @param runs starts and cancels runs
	 * @return the builder
	 */
	public static Builder builder(ThreadStore store, AcpGates gates, AssistantRuns runs) {
		return new Builder(store, gates, runs);
	}

	/**
	 * Creates a thread with the caller as its first member (§4.1). Not authorized: only
	 * the scope rule applies.
	 * @param caller the caller
	 * @param thread the tenant and metadata
	 * @return the thread
	 */
	public Mono<AcpThread> createThread(Identity caller, NewThread thread) {
		return Mono.defer(() -> {
			this.gates.requireThreadNamespace(thread.tenant());
			this.gates.requireWithinScope(caller, thread.tenant());
			return this.store.createThread(thread, caller);
		})
			.flatMap((creation) -> this.broadcaster
				.broadcast(creation.thread().id(),
						List.of(new AcpBroadcast.EventAppended(creation.created()), new AcpBroadcast.MembersUpdated(
								creation.thread().id(), List.of(creation.creator().identity()))))
				.thenReturn(creation.thread()));
	}

	/**
	 * Lists the threads visible to the caller by tenant (§4.2), without membership
	 * filter; in namespace mode stranded threads are left out.
	 * @param caller the caller
	 * @param limit the page size
	 * @param before the exclusive cursor, or {@code null}
	 * @return the page, newest first
	 */
	public Mono<Page<AcpThread>> listThreads(Identity caller, int limit, @Nullable Cursor before) {
		return Mono.defer(() -> listThreads(caller.tenant(), limit, before, List.of()));
	}

	/**
	 * A page of the listing after the threads already kept, read on past the pages whose
	 * stranded threads were left out until the page is full or the listing ends.
	 */
	private Mono<Page<AcpThread>> listThreads(TenantScope tenant, int limit, @Nullable Cursor before,
			List<AcpThread> kept) {
		return this.store.listThreads(tenant, limit, before).flatMap((page) -> {
			List<AcpThread> items = new ArrayList<>(kept);
			page.items().stream().filter((thread) -> !this.gates.isStranded(thread)).forEach(items::add);
			if (kept.isEmpty() && items.size() == page.items().size()) {
				return Mono.just(page);
			}
			if (items.size() > limit || page.nextCursor() == null) {
				return Mono.just(Page.of(items, limit, AcpThread::cursor));
			}
			return listThreads(tenant, limit, page.nextCursor(), items);
		});
	}

	/**
	 * Reads a thread (§4.3).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @return the thread
	 */
	public Mono<AcpThread> getThread(Identity caller, String threadId) {
		return getThread(caller, null, threadId);
	}

	/**
	 * Reads a thread for a Socket.IO caller (the gate of {@code thread:join}), as
	 * {@link #getThread(Identity, String)}.
	 * @param caller the caller
	 * @param namespace the tenant of the caller's namespace, or {@code null} outside
	 * namespace mode
	 * @param threadId the thread id
	 * @return the thread
	 */
	public Mono<AcpThread> getThread(Identity caller, @Nullable TenantScope namespace, String threadId) {
		return this.gates.thread(caller, namespace, threadId, AcpAction.THREAD_READ);
	}

	/**
	 * Patches a thread (§4.4); a new tenant must be within the caller's scope.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param patch the change
	 * @return the thread after the change
	 */
	public Mono<AcpThread> updateThread(Identity caller, String threadId, ThreadPatch patch) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_UPDATE).flatMap((thread) -> {
			if (patch.tenant() != null) {
				this.gates.requireThreadNamespace(patch.tenant());
				this.gates.requireWithinScope(caller, patch.tenant());
			}
			return this.broadcaster.publish(threadId, this.store.updateThread(threadId, patch, caller),
					AcpOperations::updated);
		}).map(ThreadUpdate::thread);
	}

	/**
	 * What a patch tells the thread's clients (§4.4, §5.8): sockets that no longer match
	 * a changed tenant are removed first, then the event, then the new thread.
	 */
	private static List<AcpBroadcast> updated(ThreadUpdate update) {
		List<AcpBroadcast> broadcasts = new ArrayList<>();
		if (update.tenantChanged() != null) {
			broadcasts.add(new AcpBroadcast.ThreadRemoved(update.thread(), Reason.TENANT_CHANGED, null));
		}
		broadcasts.addAll(AcpBroadcast.eventsOf(update));
		broadcasts.add(new AcpBroadcast.ThreadUpdated(update.thread()));
		return broadcasts;
	}

	/**
	 * Deletes a thread (§4.5); its active runs are abandoned without terminal events.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @return completes when deleted
	 */
	public Mono<Void> deleteThread(Identity caller, String threadId) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_DELETE)
			.flatMap((thread) -> this.broadcaster.publish(threadId, this.store.deleteThread(threadId),
					(deletion) -> List.of(new AcpBroadcast.ThreadRemoved(deletion.thread(), Reason.DELETED, null))))
			.doOnNext((deletion) -> this.runs.abandon(deletion.abortedRuns()))
			.then();
	}

	/**
	 * Reads one page of a thread's events (§4.6).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param query the page's limit, cursor, order and types
	 * @return the page
	 */
	public Mono<Page<Event>> events(Identity caller, String threadId, EventQuery query) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_READ)
			.flatMap((thread) -> this.store.listEvents(threadId, query));
	}

	/**
	 * Lists a thread's members in the order they were added (§4.7).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @return the members
	 */
	public Mono<List<ThreadMember>> members(Identity caller, String threadId) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_READ)
			.flatMap((thread) -> this.store.listMembers(threadId).collectList());
	}

	/**
	 * Adds a member, idempotently (§4.8).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param member the identity and role
	 * @return the membership and whether it is new
	 */
	public Mono<MemberAddition> addMember(Identity caller, String threadId, NewMember member) {
		return this.gates.thread(caller, threadId, AcpAction.MEMBER_ADD)
			.flatMap(
					(thread) -> this.broadcaster
						.publish(threadId,
								this.store.addMember(threadId, member.identity(), member.role(), caller)
									.flatMap((addition) -> withMembers(threadId, addition, addition.added())),
								(added) -> added.changed()
										? List.of(new AcpBroadcast.EventAppended(added.write().event()),
												new AcpBroadcast.MembersUpdated(threadId, added.members()))
										: List.of()))
			.map(MembersChange::write);
	}

	/**
	 * Removes a member (§4.13); removing a non-member changes nothing. The active run of
	 * a removed assistant on the thread is cancelled (E3).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param identityId the member's identity id
	 * @return completes when removed
	 */
	public Mono<Void> removeMember(Identity caller, String threadId, String identityId) {
		return this.gates.thread(caller, threadId, AcpAction.MEMBER_REMOVE)
			.flatMap((thread) -> this.broadcaster.publish(threadId,
					this.store.removeMember(threadId, identityId, caller)
						.flatMap((removal) -> withMembers(threadId, removal, true)),
					(removed) -> List.of(new AcpBroadcast.EventAppended(removed.write().event()),
							new AcpBroadcast.MembersUpdated(threadId, removed.members()),
							new AcpBroadcast.ThreadRemoved(thread, Reason.MEMBER_REMOVED, identityId))))
			.flatMap((removed) -> cancelRunsOf(removed.write().member()));
	}

	/**
	 * A membership write with the member list after it, read in the thread's broadcast
	 * order when the list changed.
	 */
	private <W> Mono<MembersChange<W>> withMembers(String threadId, W write, boolean changed) {
		if (!changed) {
			return Mono.just(new MembersChange<>(write, false, List.of()));
		}
		return this.store.listMembers(threadId)
			.map(ThreadMember::identity)
			.collectList()
			.map((members) -> new MembersChange<>(write, true, members));
	}

	private Mono<Void> cancelRunsOf(ThreadMember member) {
		if (member.identity().role() != IdentityRole.ASSISTANT) {
			return Mono.empty();
		}
		return this.store.activeRuns(member.threadId())
			.filter((run) -> run.assistantId().equals(member.identityId()))
			.concatMap(this.runs::cancel)
			.then();
	}

	/**
	 * Posts a message authored by the caller (§4.9); a repeated client id answers the
	 * original event without writing or broadcasting anything.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param draft the message
	 * @return the stored event and whether it was appended now
	 */
	public Mono<EventAppend> sendMessage(Identity caller, String threadId, EventDraft draft) {
		return sendMessage(caller, null, threadId, draft);
	}

	/**
	 * Posts a message authored by a Socket.IO caller ({@code message:send}), as
	 * {@link #sendMessage(Identity, String, EventDraft)}.
	 * @param caller the caller
	 * @param namespace the tenant of the caller's namespace, or {@code null} outside
	 * namespace mode
	 * @param threadId the thread id
	 * @param draft the message
	 * @return the stored event and whether it was appended now
	 */
	public Mono<EventAppend> sendMessage(Identity caller, @Nullable TenantScope namespace, String threadId,
			EventDraft draft) {
		return this.gates.thread(caller, namespace, threadId, AcpAction.MESSAGE_SEND)
			.flatMap((thread) -> this.broadcaster.publish(threadId,
					this.store.append(draft.toEvent(AcpIds.event(), threadId, caller, this.clock.instant()))));
	}

	/**
	 * Starts runs (§4.10, §6.1) after checking, before any run is created, that every
	 * assistant is registered; the store checks their membership and the idempotency key.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param request the assistants, key and options, triggered by the caller
	 * @return the runs in request order, each marked created or not
	 */
	public Mono<Invocation> invoke(Identity caller, String threadId, InvocationRequest request) {
		return invoke(caller, null, threadId, request);
	}

	/**
	 * Starts runs for a Socket.IO caller ({@code assistant:invoke}), as
	 * {@link #invoke(Identity, String, InvocationRequest)}.
	 * @param caller the caller
	 * @param namespace the tenant of the caller's namespace, or {@code null} outside
	 * namespace mode
	 * @param threadId the thread id
	 * @param request the assistants, key and options, triggered by the caller
	 * @return the runs in request order, each marked created or not
	 */
	public Mono<Invocation> invoke(Identity caller, @Nullable TenantScope namespace, String threadId,
			InvocationRequest request) {
		return this.gates.thread(caller, namespace, threadId, AcpAction.ASSISTANT_INVOKE).flatMap((thread) -> {
			for (String assistantId : request.assistantIds()) {
				if (!this.runs.isRegistered(assistantId)) {
					return Mono.error(AcpException.notFound("assistant not registered: " + assistantId));
				}
			}
			return this.runs.invoke(threadId, request);
		});
	}

	/**
	 * Reads a run (§4.11).
	 * @param caller the caller
	 * @param runId the run id
	 * @return the run
	 */
	public Mono<Run> getRun(Identity caller, String runId) {
		return this.gates.run(caller, runId, AcpAction.THREAD_READ);
	}

	/**
	 * Requests a run's cancellation (§4.12, §6.6); a terminal run is left as it is.
	 * @param caller the caller
	 * @param runId the run id
	 * @return whether the run was active when the request arrived
	 */
	public Mono<Boolean> cancelRun(Identity caller, String runId) {
		return cancelRun(caller, null, runId);
	}

	/**
	 * Requests a run's cancellation for a Socket.IO caller ({@code run:cancel}), as
	 * {@link #cancelRun(Identity, String)}.
	 * @param caller the caller
	 * @param namespace the tenant of the caller's namespace, or {@code null} outside
	 * namespace mode
	 * @param runId the run id
	 * @return whether the run was active when the request arrived
	 */
	public Mono<Boolean> cancelRun(Identity caller, @Nullable TenantScope namespace, String runId) {
		return this.gates.run(caller, namespace, runId, AcpAction.RUN_CANCEL)
			.flatMap((run) -> this.runs.cancel(run).thenReturn(run.status().isActive()));
	}

	private record MembersChange<W>(W write, boolean changed, List<Identity> members) {

	}

	/**
	 * Builds {@link AcpOperations}.
	 */
	public static final class Builder {

		private final ThreadStore store;

		private final AcpGates gates;

		private final AssistantRuns runs;

		private AcpBroadcaster broadcaster = new DefaultAcpBroadcaster();

		private Clock clock = Clock.systemUTC();

		private Builder(ThreadStore store, AcpGates gates, AssistantRuns runs) {
			this.store = store;
			this.gates = gates;
			this.runs = runs;
		}

		/**
		 * The broadcast funnel; by default one with no listener.
		 * @param broadcaster the funnel
		 * @return this builder
		 */
		public Builder broadcaster(AcpBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
			return this;
		}

		/**
		 * The provisional time of new messages (the store assigns the stored one); by
		 * default the system's UTC clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The operations.
		 * @return the operations
		 */
		public AcpOperations build() {
			return new AcpOperations(this);
		}

	}

}
