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
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpAction;
import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventAppend;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.Invocation;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NamespaceKeys;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.test.RecordingBroadcastListener;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The namespace steps of the gates that Socket.IO operations pass through (spec §3.3 step
 * 4, §5.3): a thread is found only inside the caller's namespace, and a stranded thread
 * nowhere.
 */
class AcpNamespaceGatesTests {

	private static final TenantScope NAMESPACE_A = new TenantScope(Map.of("org", "A"));

	private static final TenantScope NAMESPACE_B = new TenantScope(Map.of("org", "B"));

	private final Identity alice = new Identity(IdentityRole.USER, "alice", "Alice",
			Map.of("tenant", Map.of("org", "A", "ws", "X")));

	private final ThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final RecordingBroadcastListener listener = new RecordingBroadcastListener();

	private final AcpGates gates = new AcpGates(this.store, AcpAuthorizer.ALLOW_ALL, new NamespaceKeys(List.of("org")));

	private final AcpOperations operations = AcpOperations
		.builder(this.store, this.gates, new StoreInvocations(this.store))
		.broadcaster(new DefaultAcpBroadcaster(this.listener))
		.build();

	private String thread;

	private String run;

	@BeforeEach
	void threadWithARun() {
		this.thread = this.store.createThread(NewThread.withTenant(NAMESPACE_A), this.alice).block().thread().id();
		this.store.addMember(this.thread, Identity.assistant("slow", "slow"), "member", this.alice).block();
		this.run = this.store.invoke(this.thread, InvocationRequest.of(List.of("slow"), this.alice, null, Map.of()))
			.block()
			.runs()
			.get(0)
			.run()
			.id();
	}

	@Test
	void threadInTheCallersNamespaceIsFound() {
		assertThat(this.gates.thread(this.alice, NAMESPACE_A, this.thread, AcpAction.THREAD_READ).block().id())
			.isEqualTo(this.thread);
		assertThat(this.gates.run(this.alice, NAMESPACE_A, this.run, AcpAction.RUN_CANCEL).block().id())
			.isEqualTo(this.run);
	}

	@Test
	void threadOutsideTheCallersNamespaceIsNotFound() {
		assertNotFound(() -> this.gates.thread(this.alice, NAMESPACE_B, this.thread, AcpAction.THREAD_READ).block(),
				"thread not found");
		assertNotFound(() -> this.gates.run(this.alice, NAMESPACE_B, this.run, AcpAction.RUN_CANCEL).block(),
				"run not found");
	}

	@Test
	void messageFromAnotherNamespaceIsNotAppended() {
		EventDraft draft = new EventDraft("c1", List.of(new ContentPart.Text("hi")), Map.of());
		assertNotFound(() -> this.operations.sendMessage(this.alice, NAMESPACE_B, this.thread, draft).block(),
				"thread not found");
		assertThat(this.listener.events(this.thread)).isEmpty();
		EventAppend append = this.operations.sendMessage(this.alice, NAMESPACE_A, this.thread, draft).block();
		assertThat(append.appended()).isTrue();
		assertThat(this.listener.events(this.thread)).extracting(Event::id).containsExactly(append.event().id());
	}

	@Test
	void invocationFromAnotherNamespaceStartsNoRun() {
		InvocationRequest request = InvocationRequest.of(List.of("slow"), this.alice, "k", Map.of());
		assertNotFound(() -> this.operations.invoke(this.alice, NAMESPACE_B, this.thread, request).block(),
				"thread not found");
		assertThat(this.operations.invoke(this.alice, NAMESPACE_A, this.thread, request).block().runs())
			.extracting((invoked) -> invoked.run().id())
			.containsExactly(this.run);
	}

	@Test
	void cancelFromAnotherNamespaceLeavesTheRunActive() {
		assertNotFound(() -> this.operations.cancelRun(this.alice, NAMESPACE_B, this.run).block(), "run not found");
		assertThat(this.store.findRun(this.run).block().status()).isEqualTo(RunStatus.PENDING);
		assertThat(this.operations.cancelRun(this.alice, NAMESPACE_A, this.run).block()).isTrue();
		assertThat(this.store.findRun(this.run).block().status()).isEqualTo(RunStatus.CANCELLED);
	}

	@Test
	void strandedThreadIsNotFoundInAnyNamespace() {
		String stranded = this.store.createThread(NewThread.withTenant(TenantScope.PUBLIC), this.alice)
			.block()
			.thread()
			.id();
		assertNotFound(() -> this.gates.thread(this.alice, NAMESPACE_A, stranded, AcpAction.THREAD_READ).block(),
				"thread not found");
		assertNotFound(() -> this.gates.thread(this.alice, stranded, AcpAction.THREAD_READ).block(),
				"thread not found");
	}

	@Test
	void withoutNamespaceKeysNoThreadIsStranded() {
		AcpGates off = new AcpGates(this.store, AcpAuthorizer.ALLOW_ALL);
		String open = this.store.createThread(NewThread.withTenant(TenantScope.PUBLIC), this.alice)
			.block()
			.thread()
			.id();
		assertThat(off.thread(this.alice, open, AcpAction.THREAD_READ).block().id()).isEqualTo(open);
	}

	private static void assertNotFound(ThrowingCallable call, String message) {
		assertThatExceptionOfType(AcpException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.NOT_FOUND))
			.withMessage(message);
	}

	/**
	 * Runs that the store records and cancellation ends while pending; every assistant
	 * counts as registered.
	 */
	private static final class StoreInvocations extends NoAssistantRuns {

		private final ThreadStore store;

		StoreInvocations(ThreadStore store) {
			this.store = store;
		}

		@Override
		public boolean isRegistered(String assistantId) {
			return true;
		}

		@Override
		public Mono<Invocation> invoke(String threadId, InvocationRequest request) {
			return this.store.invoke(threadId, request);
		}

		@Override
		public Mono<Void> cancel(Run run) {
			return this.store.finishRun(run.id(), RunStatus.CANCELLED, null).then();
		}

	}

}
