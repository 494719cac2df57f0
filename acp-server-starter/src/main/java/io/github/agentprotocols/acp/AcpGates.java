package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * The target-loading steps of the gate pipeline (spec §3.3, steps 3, 5 and 6), shared by
 * the transports: load the thread (or the run, then its thread), hide it unless visible
 * by tenant, require membership, then ask the {@link AcpAuthorizer}. Each step stops the
 * pipeline with its own answer; the authorizer is asked only when the others passed.
 * <p>
 * A system identity passes the tenant and membership steps for {@code member.add} and
 * {@code member.remove} (administration, E7) and for nothing else.
 */
public class AcpGates {

	private static final String THREAD_NOT_FOUND = "thread not found";

	private static final String RUN_NOT_FOUND = "run not found";

	private final ThreadStore store;

	private final AcpAuthorizer authorizer;

	/**
	 * Creates the gates.
	 * @param store where threads, members and runs are looked up
	 * @param authorizer the application's policy
	 */
	public AcpGates(ThreadStore store, AcpAuthorizer authorizer) {
		this.store = store;
		this.authorizer = authorizer;
	}

	/**
	 * Lets a caller act on a thread.
	 * @param caller the authenticated caller
	 * @param threadId the thread id
	 * @param action the action
	 * @return the thread; {@code not_found} when it is missing or invisible,
	 * {@code forbidden} when the caller is not a member or not authorized
	 */
	public Mono<Thread> thread(Identity caller, String threadId, AcpAction action) {
		return this.store.findThread(threadId)
			.filter((thread) -> passesTenant(caller, thread, action))
			.switchIfEmpty(Mono.error(() -> AcpException.notFound(THREAD_NOT_FOUND)))
			.flatMap((thread) -> member(caller, thread, action).thenReturn(thread));
	}

	/**
	 * Lets a caller act on a run.
	 * @param caller the authenticated caller
	 * @param runId the run id
	 * @param action the action
	 * @return the run as loaded; {@code not_found} ({@code run not found}) when the run
	 * is missing or its thread invisible, {@code forbidden} when the caller is not a
	 * member of its thread or not authorized
	 */
	public Mono<Run> run(Identity caller, String runId, AcpAction action) {
		return this.store.findRun(runId)
			.flatMap((run) -> this.store.findThread(run.threadId())
				.filter((thread) -> passesTenant(caller, thread, action))
				.flatMap((thread) -> member(caller, thread, action).thenReturn(run)))
			.switchIfEmpty(Mono.error(() -> AcpException.notFound(RUN_NOT_FOUND)));
	}

	/**
	 * The scope rule of thread creation and tenant changes (spec §4.1, §4.4): a caller
	 * may only give a thread a tenant it can see itself; system identities are exempt.
	 * @param caller the caller
	 * @param tenant the tenant the thread would get
	 * @throws AcpException {@code forbidden} ({@code tenant outside caller scope})
	 */
	public void requireWithinScope(Identity caller, TenantScope tenant) {
		if (!caller.isSystem() && !tenant.isVisibleTo(caller.tenant())) {
			throw AcpException.forbidden("tenant outside caller scope");
		}
	}

	private boolean passesTenant(Identity caller, Thread thread, AcpAction action) {
		return (caller.isSystem() && action.isAdministration()) || thread.isVisibleTo(caller);
	}

	private Mono<Void> member(Identity caller, Thread thread, AcpAction action) {
		Mono<Boolean> member = (caller.isSystem() && action.isAdministration()) ? Mono.just(true)
				: this.store.findMember(thread.id(), caller.id()).hasElement();
		return member.flatMap((isMember) -> {
			if (!isMember) {
				return Mono.error(AcpException.forbidden("not a member of this thread"));
			}
			return Mono.defer(() -> this.authorizer.authorize(caller, thread.id(), action))
				.defaultIfEmpty(false)
				.flatMap((allowed) -> allowed ? Mono.<Void>empty()
						: Mono.error(AcpException.forbidden("not authorized: " + action.wireName())));
		});
	}

}
