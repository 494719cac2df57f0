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

package io.github.agentprotocols.acp.test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpAuthorizer;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewMember;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.AcpGates;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.run.AcpAssistantBeanPostProcessor;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.acp.run.RunExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs assistants the way the starter does, without a server: an in-memory store, the
 * gates, the broadcast funnel and the run executor with its default settings. It creates
 * one thread whose creator is {@link #USER} and whose members are every assistant it
 * runs; each call posts or invokes as that user and waits until the run has ended.
 * <p>
 * Close it at the end of the test: runs still active are cancelled.
 */
public final class AssistantTester implements AutoCloseable {

	/** The thread's creator and the caller of every invocation. */
	public static final Identity USER = Identity.user("user", "User");

	private static final int MAX_EVENTS = 10_000;

	private final InMemoryThreadStore store = new InMemoryThreadStore(Clock.systemUTC());

	private final BroadcastRecorder broadcasts = new BroadcastRecorder();

	private final RunExecutor executor;

	private final AcpOperations operations;

	private final AcpThread thread;

	private Duration timeout = Duration.ofSeconds(30);

	private AssistantTester(AssistantRegistry assistants) {
		DefaultAcpBroadcaster broadcaster = new DefaultAcpBroadcaster(this.broadcasts);
		this.executor = RunExecutor.builder(this.store, assistants).broadcaster(broadcaster).build();
		this.operations = AcpOperations
			.builder(this.store, new AcpGates(this.store, AcpAuthorizer.ALLOW_ALL), this.executor)
			.broadcaster(broadcaster)
			.build();
		this.thread = block(this.operations.createThread(USER, NewThread.withTenant(TenantScope.PUBLIC)));
		for (String assistantId : assistants.ids()) {
			block(this.operations.addMember(USER, this.thread.id(),
					NewMember.of(Identity.assistant(assistantId, assistantId), null)));
		}
	}

	/**
	 * A tester of one handler.
	 * @param assistantId the id the handler runs as
	 * @param handler the handler
	 * @return the tester
	 */
	public static AssistantTester of(String assistantId, AssistantHandler handler) {
		AssistantRegistry assistants = new AssistantRegistry();
		assistants.register(assistantId, handler, "AssistantTester");
		return new AssistantTester(assistants);
	}

	/**
	 * A tester of the assistants an object declares as the starter finds them on beans:
	 * its {@code @AcpAssistant} methods, or the object itself when it is an
	 * {@link AssistantHandler} whose class is annotated.
	 * @param assistants the object
	 * @return the tester
	 * @throws IllegalArgumentException if it declares no assistant
	 */
	public static AssistantTester of(Object assistants) {
		AssistantRegistry registry = new AssistantRegistry();
		new AcpAssistantBeanPostProcessor(() -> registry).postProcessAfterInitialization(assistants,
				assistants.getClass().getSimpleName());
		if (registry.ids().isEmpty()) {
			throw new IllegalArgumentException(assistants.getClass().getName() + " declares no @AcpAssistant");
		}
		return new AssistantTester(registry);
	}

	/**
	 * Sets how long each call waits for its run to end; 30 seconds unless set.
	 * @param timeout the longest wait
	 * @return this tester
	 */
	public AssistantTester timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/**
	 * Posts a text message as {@link #USER}, then invokes an assistant and waits until
	 * its run has ended.
	 * @param assistantId the assistant
	 * @param text the message's text
	 * @return how the run ended
	 */
	public RunResult send(String assistantId, String text) {
		EventDraft message = new EventDraft(null, List.of(new ContentPart.Text(text)), Map.of());
		block(this.operations.sendMessage(USER, this.thread.id(), message));
		return invoke(assistantId, null);
	}

	/**
	 * Invokes an assistant as {@link #USER} and waits until its run has ended.
	 * @param assistantId the assistant
	 * @param options the invocation options, stored as the run's metadata
	 * ({@code ctx.run().metadata()}), or {@code null}
	 * @return how the run ended
	 */
	public RunResult invoke(String assistantId, @Nullable Map<String, Object> options) {
		InvocationRequest request = InvocationRequest.of(List.of(assistantId), USER, null, options);
		Run run = block(this.operations.invoke(USER, this.thread.id(), request)).runs().get(0).run();
		Run ended = this.broadcasts.awaitRunEnded(run.id(), this.timeout);
		return new RunResult(ended, threadEvents().stream().filter((event) -> run.id().equals(event.runId())).toList());
	}

	/**
	 * The thread every call uses.
	 * @return the thread
	 */
	public AcpThread thread() {
		return this.thread;
	}

	/**
	 * The thread's whole event log as stored.
	 * @return the events, oldest first
	 */
	public List<Event> threadEvents() {
		return block(this.store.replay(this.thread.id(), null, MAX_EVENTS)).events();
	}

	/**
	 * What the broadcast funnel delivered: the thread's events, members and runs.
	 * @return the recorder
	 */
	public BroadcastRecorder broadcasts() {
		return this.broadcasts;
	}

	/**
	 * The in-memory store, to seed or inspect threads.
	 * @return the store
	 */
	public ThreadStore store() {
		return this.store;
	}

	@Override
	public void close() {
		this.executor.ownedRunIds().forEach(this.executor::cancelLocal);
	}

	private <T> T block(Mono<T> result) {
		T value = result.block(this.timeout);
		if (value == null) {
			throw new IllegalStateException("the store answered nothing");
		}
		return value;
	}

}
