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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.AcpIds;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Cursor;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventQuery;
import io.github.agentprotocols.acp.Identity;
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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ThreadStore} that keeps everything in memory: the embedded default when no
 * database is configured, and the store of tests. It enforces the invariants of spec §7.1
 * as the PostgreSQL store does, with a lock per thread in place of the thread's row lock.
 * Time comes from a {@link Clock}. Nothing survives a restart, and runs of a crashed
 * instance vanish with it.
 */
public class InMemoryThreadStore implements ThreadStore {

	private static final Comparator<Cursor> NEWEST_FIRST = Comparator.reverseOrder();

	private final Clock clock;

	private final Map<String, ThreadState> threads = new ConcurrentHashMap<>();

	private final Map<String, String> runThreads = new ConcurrentHashMap<>();

	private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a store telling time with the given clock.
	 * @param clock the clock of every stored timestamp
	 */
	public InMemoryThreadStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<ThreadCreation> createThread(NewThread thread, Identity creator) {
		return Mono.fromSupplier(() -> {
			Instant now = now();
			ThreadState state = new ThreadState(
					new AcpThread(AcpIds.thread(), thread.tenant(), thread.metadata(), now, now), creator,
					this.eventIds);
			this.threads.put(state.thread().id(), state);
			return new ThreadCreation(state.thread(), state.creator(), state.firstEvent());
		});
	}

	@Override
	public Mono<AcpThread> findThread(String threadId) {
		return Mono.fromSupplier(() -> find(threadId)).map(ThreadState::thread);
	}

	@Override
	public Mono<Page<AcpThread>> listThreads(TenantScope identityTenant, int limit, @Nullable Cursor before) {
		return Mono.fromSupplier(() -> {
			List<AcpThread> visible = this.threads.values()
				.stream()
				.map(ThreadState::thread)
				.filter((thread) -> thread.tenant().isVisibleTo(identityTenant))
				.filter((thread) -> before == null || thread.cursor().compareTo(before) < 0)
				.sorted(Comparator.comparing(AcpThread::cursor, NEWEST_FIRST))
				.limit(limit + 1L)
				.toList();
			return Page.of(visible, limit, AcpThread::cursor);
		});
	}

	@Override
	public Mono<ThreadUpdate> updateThread(String threadId, ThreadPatch patch, Identity actor) {
		return withThread(threadId, (state) -> state.update(patch, actor, now()));
	}

	@Override
	public Mono<ThreadDeletion> deleteThread(String threadId) {
		return Mono.fromSupplier(() -> {
			ThreadState state = find(threadId);
			if (state == null) {
				return null;
			}
			List<Run> active = state.delete(this.runThreads);
			this.threads.remove(threadId, state);
			return new ThreadDeletion(state.thread(), active);
		});
	}

	@Override
	public Flux<ThreadMember> listMembers(String threadId) {
		return Mono.fromSupplier(() -> find(threadId)).flatMapIterable(ThreadState::members);
	}

	@Override
	public Mono<ThreadMember> findMember(String threadId, String identityId) {
		return Mono.fromSupplier(() -> find(threadId)).mapNotNull((state) -> state.member(identityId));
	}

	@Override
	public Mono<MemberAddition> addMember(String threadId, Identity identity, String role, Identity actor) {
		return withThread(threadId, (state) -> state.addMember(identity, role, actor, now()));
	}

	@Override
	public Mono<MemberRemoval> removeMember(String threadId, String identityId, Identity actor) {
		return withThread(threadId, (state) -> state.removeMember(identityId, actor, now()));
	}

	@Override
	public Mono<EventAppend> append(Event event) {
		return withThread(event.threadId(), (state) -> state.append(event, now()));
	}

	@Override
	public Mono<Page<Event>> listEvents(String threadId, EventQuery query) {
		return Mono.fromSupplier(() -> {
			ThreadState state = find(threadId);
			return (state != null) ? state.events(query) : new Page<Event>(List.of(), null);
		});
	}

	@Override
	public Mono<Replay> replay(String threadId, @Nullable Cursor since, int cap) {
		return Mono.fromSupplier(() -> {
			ThreadState state = find(threadId);
			return (state != null) ? state.replay(since, cap) : new Replay(List.of(), false);
		});
	}

	@Override
	public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
		return withThread(threadId, (state) -> state.invoke(request, now(), this.runThreads));
	}

	@Override
	public Mono<Run> findRun(String runId) {
		return withRun(runId, (state) -> state.run(runId));
	}

	@Override
	public Flux<Run> activeRuns(String threadId) {
		return Mono.fromSupplier(() -> find(threadId)).flatMapIterable(ThreadState::activeRuns);
	}

	@Override
	public Mono<RunTransition> startRun(String runId, String ownerNode) {
		return withRun(runId, (state) -> state.startRun(runId, ownerNode, now()));
	}

	@Override
	public Mono<RunTransition> finishRun(String runId, RunStatus status, @Nullable RunError error) {
		return withRun(runId, (state) -> state.finishRun(runId, status, error, now()));
	}

	@Override
	public Mono<Run> requestCancel(String runId) {
		return withRun(runId, (state) -> state.requestCancel(runId, now()));
	}

	@Override
	public Flux<String> cancelRequested(Collection<String> runIds) {
		return Flux.fromIterable(List.copyOf(runIds))
			.filterWhen((runId) -> withRun(runId, (state) -> state.isCancelRequested(runId)).defaultIfEmpty(false));
	}

	@Override
	public Mono<Void> heartbeat(Collection<String> runIds) {
		return Mono.fromRunnable(() -> {
			Instant now = now();
			for (String runId : runIds) {
				ThreadState state = runState(runId);
				if (state != null) {
					state.heartbeat(runId, now);
				}
			}
		});
	}

	@Override
	public Flux<Run> orphanedRuns(Duration silence) {
		return Flux.defer(() -> {
			Instant now = now();
			return Flux.fromIterable(List.copyOf(this.threads.values()))
				.flatMapIterable((state) -> state.orphanedRuns(now, silence));
		});
	}

	@Override
	public Mono<Long> countActiveRuns() {
		return Mono
			.fromSupplier(() -> this.threads.values().stream().mapToLong((state) -> state.activeRuns().size()).sum());
	}

	private <T> Mono<T> withThread(String threadId, Function<ThreadState, @Nullable T> operation) {
		return Mono.fromSupplier(() -> {
			ThreadState state = find(threadId);
			if (state == null) {
				throw AcpException.notFound("thread not found");
			}
			return operation.apply(state);
		});
	}

	private <T> Mono<T> withRun(String runId, Function<ThreadState, @Nullable T> operation) {
		return Mono.fromSupplier(() -> {
			ThreadState state = runState(runId);
			return (state != null) ? operation.apply(state) : null;
		});
	}

	private @Nullable ThreadState find(String threadId) {
		ThreadState state = this.threads.get(threadId);
		return (state != null && !state.isDeleted()) ? state : null;
	}

	private @Nullable ThreadState runState(String runId) {
		String threadId = this.runThreads.get(runId);
		return (threadId != null) ? find(threadId) : null;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
