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

package io.github.agentprotocols.acp.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunCancelRequests;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run executor on the {@link PostgresThreadStore}, in a schema of its own.
 */
@UsesPostgres
class PostgresRunExecutorTests extends RunExecutorContractTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final Identity alice = Identity.user("alice", "Alice");

	private static AcpTestDatabase database;

	@BeforeAll
	static void createSchema() {
		database = AcpTestDatabase.create(PostgresRunExecutorTests.class);
	}

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ThreadStore createStore() {
		database.empty();
		return new PostgresThreadStore(database.client());
	}

	@Override
	protected Clock clock() {
		return Clock.systemUTC();
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		database.ageHeartbeats(duration);
	}

	@Test
	void cancellationRequestsAreNotifiedToEveryInstance() {
		PostgresThreadStore store = new PostgresThreadStore(database.client());
		Run run = store.invoke(threadWith(store, "helper"), InvocationRequest.of(List.of("helper"), alice, null, null))
			.block(WAIT)
			.runs()
			.get(0)
			.run();
		List<String> notified = new CopyOnWriteArrayList<>();
		Disposable listening = ((RunCancelRequests) store).runCancelRequests().subscribe(notified::add);
		try {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				store.requestCancel(run.id()).block(WAIT);
				assertThat(notified).contains(run.id());
			});
		}
		finally {
			listening.dispose();
		}
	}

	@Test
	void aNotifiedCancellationReachesTheRunWithoutPolling() {
		PostgresThreadStore store = new PostgresThreadStore(database.client());
		AssistantRegistry assistants = new AssistantRegistry();
		assistants.register("sleeper", (context, send) -> Mono.never(), "test");
		RunExecutor executor = RunExecutor.builder(store, assistants).build();
		CancelRequestWatcher watcher = new CancelRequestWatcher(withoutPolling(store), executor,
				CancelRequestWatcher.MAX_POLL_INTERVAL);
		watcher.start();
		try {
			String threadId = threadWith(store, "sleeper");
			Run run = executor.invoke(threadId, InvocationRequest.of(List.of("sleeper"), alice, null, null))
				.block(WAIT)
				.runs()
				.get(0)
				.run();
			await().atMost(WAIT).until(() -> store.findRun(run.id()).block(WAIT).status() == RunStatus.RUNNING);
			await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				store.requestCancel(run.id()).block(WAIT);
				assertThat(store.findRun(run.id()).block(WAIT).status()).isEqualTo(RunStatus.CANCELLED);
			});
		}
		finally {
			watcher.stop();
		}
	}

	private static String threadWith(ThreadStore store, String assistant) {
		AcpThread thread = store.createThread(NewThread.withTenant(TenantScope.PUBLIC), alice).block(WAIT).thread();
		store.addMember(thread.id(), Identity.assistant(assistant, assistant), "member", alice).block(WAIT);
		return thread.id();
	}

	/**
	 * The store as another instance's cancellation reaches it through notifications only:
	 * polling finds nothing.
	 */
	private static ThreadStore withoutPolling(PostgresThreadStore store) {
		return (ThreadStore) Proxy.newProxyInstance(ThreadStore.class.getClassLoader(),
				new Class<?>[] { ThreadStore.class, RunCancelRequests.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("cancelRequested")) {
						return Flux.empty();
					}
					try {
						return method.invoke(store, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

}
