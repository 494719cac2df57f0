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

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The target-loading steps of the gate pipeline (spec §3.3, steps 3 to 6), shared by the
 * transports: load the thread (or the run, then its thread), hide it unless visible by
 * tenant, hide it from a Socket.IO caller whose namespace it is not in, require
 * membership, then ask the {@link AcpAuthorizer}. Each step stops the pipeline with its
 * own answer; the authorizer is asked only when the others passed.
 * <p>
 * A system identity passes the tenant and membership steps for {@code member.add} and
 * {@code member.remove} (administration, E7) and for nothing else.
 * <p>
 * In namespace mode ({@link NamespaceKeys}, spec §5.3) a stranded thread, one whose
 * tenant has no namespace, is not found by anyone, and a thread's new tenant must have
 * one ({@link #requireThreadNamespace}).
 */
public class AcpGates {

	private static final String THREAD_NOT_FOUND = "thread not found";

	private static final String RUN_NOT_FOUND = "run not found";

	private final ThreadStore store;

	private final AcpAuthorizer authorizer;

	private final @Nullable NamespaceKeys namespaceKeys;

	/**
	 * Creates the gates with namespace mode off.
	 * @param store where threads, members and runs are looked up
	 * @param authorizer the application's policy
	 */
	public AcpGates(ThreadStore store, AcpAuthorizer authorizer) {
		this(store, authorizer, null);
	}

	/**
	 * Creates the gates.
	 * @param store where threads, members and runs are looked up
	 * @param authorizer the application's policy
	 * @param namespaceKeys the namespace keys, or {@code null} when namespace mode is off
	 */
	public AcpGates(ThreadStore store, AcpAuthorizer authorizer, @Nullable NamespaceKeys namespaceKeys) {
		this.store = store;
		this.authorizer = authorizer;
		this.namespaceKeys = namespaceKeys;
	}

	/**
	 * Lets a caller act on a thread.
	 * @param caller the authenticated caller
	 * @param threadId the thread id
	 * @param action the action
	 * @return the thread; {@code not_found} when it is missing or invisible,
	 * {@code forbidden} when the caller is not a member or not authorized
	 */
	public Mono<AcpThread> thread(Identity caller, String threadId, AcpAction action) {
		return thread(caller, null, threadId, action);
	}

	/**
	 * Lets a Socket.IO caller act on a thread: as
	 * {@link #thread(Identity, String, AcpAction)}, and in namespace mode the thread must
	 * be in the caller's namespace (spec §3.3 step 4).
	 * @param caller the authenticated caller
	 * @param namespace the tenant of the caller's namespace (what
	 * {@link NamespaceKeys#checkConnect} returned), or {@code null} outside namespace
	 * mode and for REST callers
	 * @param threadId the thread id
	 * @param action the action
	 * @return the thread; {@code not_found} when it is missing, invisible or in another
	 * namespace, {@code forbidden} when the caller is not a member or not authorized
	 */
	public Mono<AcpThread> thread(Identity caller, @Nullable TenantScope namespace, String threadId, AcpAction action) {
		return this.store.findThread(threadId)
			.filter((thread) -> passesTenant(caller, namespace, thread, action))
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
		return run(caller, null, runId, action);
	}

	/**
	 * Lets a Socket.IO caller act on a run: as {@link #run(Identity, String, AcpAction)},
	 * and in namespace mode the run's thread must be in the caller's namespace.
	 * @param caller the authenticated caller
	 * @param namespace the tenant of the caller's namespace, or {@code null} outside
	 * namespace mode and for REST callers
	 * @param runId the run id
	 * @param action the action
	 * @return the run as loaded; {@code not_found} ({@code run not found}) when the run
	 * is missing or its thread invisible or in another namespace, {@code forbidden} when
	 * the caller is not a member of its thread or not authorized
	 */
	public Mono<Run> run(Identity caller, @Nullable TenantScope namespace, String runId, AcpAction action) {
		return this.store.findRun(runId)
			.flatMap((run) -> this.store.findThread(run.threadId())
				.filter((thread) -> passesTenant(caller, namespace, thread, action))
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

	/**
	 * The namespace rule for the tenant a thread is created with or patched to (spec
	 * §4.1, §4.4): in namespace mode it must give a namespace.
	 * @param tenant the tenant the thread would get
	 * @throws AcpException {@code invalid_request} when a namespace key is missing or has
	 * an invalid value
	 */
	public void requireThreadNamespace(TenantScope tenant) {
		if (this.namespaceKeys != null) {
			try {
				this.namespaceKeys.derivePath(tenant.entries());
			}
			catch (AcpException ex) {
				throw AcpException.invalidRequest(ex.getMessage());
			}
		}
	}

	/**
	 * Whether a thread is stranded: in namespace mode, its tenant has no namespace, so no
	 * operation finds it (spec §5.3, E22).
	 * @param thread the thread
	 * @return whether the thread is stranded
	 */
	boolean isStranded(AcpThread thread) {
		return this.namespaceKeys != null && !this.namespaceKeys.canDerivePath(thread.tenant().entries());
	}

	private boolean passesTenant(Identity caller, @Nullable TenantScope namespace, AcpThread thread, AcpAction action) {
		if (isStranded(thread) || (namespace != null && !isInNamespace(thread, namespace))) {
			return false;
		}
		return isAdministration(caller, action) || thread.isVisibleTo(caller);
	}

	/**
	 * Whether a system identity administers members: it passes the tenant and membership
	 * steps for {@code member.add} and {@code member.remove} only (spec §3.3 and E7).
	 */
	private static boolean isAdministration(Identity caller, AcpAction action) {
		return caller.isSystem() && (action == AcpAction.MEMBER_ADD || action == AcpAction.MEMBER_REMOVE);
	}

	private static boolean isInNamespace(AcpThread thread, TenantScope namespace) {
		return thread.tenant().entries().entrySet().containsAll(namespace.entries().entrySet());
	}

	private Mono<Void> member(Identity caller, AcpThread thread, AcpAction action) {
		Mono<Boolean> member = isAdministration(caller, action) ? Mono.just(true)
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
