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

package io.github.agentprotocols.acp.r2dbc;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

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
import io.github.agentprotocols.acp.RunCancelRequests;
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

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A {@link ThreadStore} in PostgreSQL over R2DBC, on Spring's {@link DatabaseClient}. The
 * schema (spec §7.2, applied by {@link AcpSchemaInitializer}) enforces every invariant of
 * §7.1: partial unique indexes for one active run per assistant and for idempotency keys,
 * the client-id deduplication index, cascading foreign keys and the run status checks.
 * Every timestamp comes from the database clock; appends take the thread's row lock
 * (§7.3), so event times strictly increase per thread and commit in that order. Races on
 * unique keys resolve to the protocol's answers (the existing member, the original event,
 * the active run, the recorded invocation); a database that cannot be reached fails
 * operations with a {@link io.github.agentprotocols.acp.ThreadStoreUnavailableException}.
 * Cancellation requests are notified to every instance through
 * {@code LISTEN}/{@code NOTIFY} ({@link RunCancelRequests}).
 */
public class PostgresThreadStore implements ThreadStore, RunCancelRequests {

	private final PostgresThreads threads;

	private final PostgresMembers members;

	private final PostgresEvents events;

	private final PostgresRuns runs;

	private final PostgresCancelNotifications cancelNotifications;

	/**
	 * Creates a store on the tables with the default prefix {@code acp_}.
	 * @param client the database client; its connection factory also runs the store's
	 * transactions
	 */
	public PostgresThreadStore(DatabaseClient client) {
		this(client, TablePrefix.DEFAULT);
	}

	/**
	 * Creates a store on the tables with the given prefix.
	 * @param client the database client; its connection factory also runs the store's
	 * transactions
	 * @param tablePrefix the prefix of the ACP tables: lower-case letters, digits and
	 * underscores
	 */
	public PostgresThreadStore(DatabaseClient client, String tablePrefix) {
		TablePrefix prefix = new TablePrefix(tablePrefix);
		TransactionalOperator transactions = TransactionalOperator
			.create(new R2dbcTransactionManager(client.getConnectionFactory()));
		this.events = new PostgresEvents(client, transactions, prefix);
		this.runs = new PostgresRuns(client, transactions, prefix, this.events);
		this.members = new PostgresMembers(client, transactions, prefix, this.events);
		this.threads = new PostgresThreads(client, transactions, prefix, this.events, this.runs);
		this.cancelNotifications = new PostgresCancelNotifications(client.getConnectionFactory(), prefix);
	}

	@Override
	public Mono<ThreadCreation> createThread(NewThread thread, Identity creator) {
		return translated(this.threads.create(thread, creator));
	}

	@Override
	public Mono<AcpThread> findThread(String threadId) {
		return translated(this.threads.find(threadId));
	}

	@Override
	public Mono<Page<AcpThread>> listThreads(TenantScope identityTenant, int limit, @Nullable Cursor before) {
		return translated(this.threads.list(identityTenant, limit, before));
	}

	@Override
	public Mono<ThreadUpdate> updateThread(String threadId, ThreadPatch patch, Identity actor) {
		return translated(this.threads.update(threadId, patch, actor));
	}

	@Override
	public Mono<ThreadDeletion> deleteThread(String threadId) {
		return translated(this.threads.delete(threadId));
	}

	@Override
	public Flux<ThreadMember> listMembers(String threadId) {
		return this.members.list(threadId).onErrorMap(PostgresFailures::translate);
	}

	@Override
	public Mono<ThreadMember> findMember(String threadId, String identityId) {
		return translated(this.members.find(threadId, identityId));
	}

	@Override
	public Mono<MemberAddition> addMember(String threadId, Identity identity, String role, Identity actor) {
		return translated(this.members.add(threadId, identity, role, actor));
	}

	@Override
	public Mono<MemberRemoval> removeMember(String threadId, String identityId, Identity actor) {
		return translated(this.members.remove(threadId, identityId, actor));
	}

	@Override
	public Mono<EventAppend> append(Event event) {
		return translated(this.events.append(event));
	}

	@Override
	public Mono<Page<Event>> listEvents(String threadId, EventQuery query) {
		return translated(this.events.list(threadId, query));
	}

	@Override
	public Mono<Replay> replay(String threadId, @Nullable Cursor since, int cap) {
		return translated(this.events.replay(threadId, since, cap));
	}

	@Override
	public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
		return translated(this.runs.invoke(threadId, request));
	}

	@Override
	public Mono<Run> findRun(String runId) {
		return translated(this.runs.find(runId));
	}

	@Override
	public Flux<Run> activeRuns(String threadId) {
		return this.runs.active(threadId).onErrorMap(PostgresFailures::translate);
	}

	@Override
	public Mono<RunTransition> startRun(String runId, String ownerNode) {
		return translated(Mono.defer(() -> this.runs.start(runId, ownerNode)));
	}

	@Override
	public Mono<RunTransition> finishRun(String runId, RunStatus status, @Nullable RunError error) {
		return translated(Mono.defer(() -> this.runs.finish(runId, status, error)));
	}

	@Override
	public Mono<Run> requestCancel(String runId) {
		return translated(this.runs.requestCancel(runId));
	}

	@Override
	public Flux<String> cancelRequested(Collection<String> runIds) {
		return this.runs.cancelRequested(List.copyOf(runIds)).onErrorMap(PostgresFailures::translate);
	}

	@Override
	public Mono<Void> heartbeat(Collection<String> runIds) {
		return translated(this.runs.heartbeat(List.copyOf(runIds)));
	}

	@Override
	public Flux<Run> orphanedRuns(Duration silence) {
		return this.runs.orphaned(silence).onErrorMap(PostgresFailures::translate);
	}

	@Override
	public Mono<Long> countActiveRuns() {
		return translated(this.runs.countActive());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Listens on the {@code <prefix>run_cancel} channel on a connection of its own,
	 * outside any pool, and reconnects after a failure.
	 */
	@Override
	public Flux<String> runCancelRequests() {
		return this.cancelNotifications.runIds();
	}

	private static <T> Mono<T> translated(Mono<T> operation) {
		return operation.onErrorMap(PostgresFailures::translate);
	}

}
