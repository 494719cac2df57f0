package io.github.agentprotocols.acp;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The x64acp operations behind both transports (spec §4; Socket.IO's
 * {@code message:send}, {@code assistant:invoke} and {@code run:cancel} are thin shells
 * over the same ones). Each runs the gates of §3.3 from step 3 on (the transport has
 * authenticated the caller and parsed the request), then the semantic checks, the store
 * operation, and the broadcast of what was committed through the {@link AcpBroadcaster}.
 * A broadcast failure is logged and never fails the stored operation.
 */
public class AcpOperations {

	private static final Log logger = LogFactory.getLog(AcpOperations.class);

	private final ThreadStore store;

	private final AcpGates gates;

	private final AcpBroadcaster broadcaster;

	private final AssistantRuns runs;

	private final Clock clock;

	/**
	 * Creates the operations.
	 * @param store the thread store
	 * @param gates the gates
	 * @param broadcaster the broadcast funnel
	 * @param runs starts and cancels runs
	 * @param clock the provisional time of new messages (the store assigns the stored
	 * one)
	 */
	public AcpOperations(ThreadStore store, AcpGates gates, AcpBroadcaster broadcaster, AssistantRuns runs,
			Clock clock) {
		this.store = store;
		this.gates = gates;
		this.broadcaster = broadcaster;
		this.runs = runs;
		this.clock = clock;
	}

	/**
	 * Creates a thread with the caller as its first member (§4.1). Not authorized: only
	 * the scope rule applies.
	 * @param caller the caller
	 * @param thread the tenant and metadata
	 * @return the thread
	 */
	public Mono<Thread> createThread(Identity caller, NewThread thread) {
		return Mono.defer(() -> {
			this.gates.requireWithinScope(caller, thread.tenant());
			return this.store.createThread(thread, caller);
		}).flatMap((creation) -> publish(creation).thenReturn(creation.thread()));
	}

	/**
	 * Lists the threads visible to the caller by tenant (§4.2), without membership
	 * filter.
	 * @param caller the caller
	 * @param limit the page size
	 * @param before the exclusive cursor, or {@code null}
	 * @return the page, newest first
	 */
	public Mono<Page<Thread>> listThreads(Identity caller, int limit, @Nullable Cursor before) {
		return Mono.defer(() -> this.store.listThreads(caller.tenant(), limit, before));
	}

	/**
	 * Reads a thread (§4.3).
	 * @param caller the caller
	 * @param threadId the thread id
	 * @return the thread
	 */
	public Mono<Thread> getThread(Identity caller, String threadId) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_READ);
	}

	/**
	 * Patches a thread (§4.4); a new tenant must be within the caller's scope.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @param patch the change
	 * @return the thread after the change
	 */
	public Mono<Thread> updateThread(Identity caller, String threadId, ThreadPatch patch) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_UPDATE).flatMap((thread) -> {
			if (patch.tenant() != null) {
				this.gates.requireWithinScope(caller, patch.tenant());
			}
			return this.store.updateThread(threadId, patch, caller);
		}).flatMap((update) -> publish(update).thenReturn(update.thread()));
	}

	/**
	 * Deletes a thread (§4.5); its active runs are abandoned without terminal events.
	 * @param caller the caller
	 * @param threadId the thread id
	 * @return completes when deleted
	 */
	public Mono<Void> deleteThread(Identity caller, String threadId) {
		return this.gates.thread(caller, threadId, AcpAction.THREAD_DELETE)
			.flatMap((thread) -> this.store.deleteThread(threadId))
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
			.flatMap((thread) -> this.store.addMember(threadId, member.identity(), member.role(), caller))
			.flatMap((addition) -> publish(addition).thenReturn(addition));
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
			.flatMap((thread) -> this.store.removeMember(threadId, identityId, caller))
			.flatMap((removal) -> publish(removal).then(cancelRunsOf(removal.member())));
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
		return this.gates.thread(caller, threadId, AcpAction.MESSAGE_SEND)
			.flatMap((thread) -> this.store
				.append(draft.toEvent(AcpIds.event(), threadId, caller, this.clock.instant())))
			.flatMap((append) -> publish(append).thenReturn(append));
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
		return this.gates.thread(caller, threadId, AcpAction.ASSISTANT_INVOKE).flatMap((thread) -> {
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
		return this.gates.run(caller, runId, AcpAction.RUN_CANCEL)
			.flatMap((run) -> this.runs.cancel(run).thenReturn(run.status().isActive()));
	}

	private Mono<Void> publish(StoreWrite write) {
		List<Event> events = write.events();
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> this.broadcaster.publish(events)).onErrorResume((ex) -> {
			logger.warn("Broadcast of " + events.size() + " ACP event(s) failed", ex);
			return Mono.empty();
		});
	}

}
