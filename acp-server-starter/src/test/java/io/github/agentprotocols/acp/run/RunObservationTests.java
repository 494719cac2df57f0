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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.engine.DefaultAcpBroadcaster;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.commons.observation.ReactiveObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run is observed as {@code acp.run} from queued to its end, a child of the observation
 * current where it was invoked; its handler as {@code acp.run.handler}, a child of the
 * run's, current for the handler both in scope and in its Reactor context.
 */
class RunObservationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Identity alice = new Identity(IdentityRole.USER, "alice", "Alice",
			Map.of("tenant", Map.of("org", "A")));

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AssistantRegistry assistants = new AssistantRegistry();

	private final CompletableFuture<List<Observation>> seenByHandler = new CompletableFuture<>();

	private ThreadStore store;

	private RunExecutor runs;

	private String threadId;

	@BeforeEach
	void createExecutor() {
		this.assistants.register("helper",
				(context, send) -> Flux.just(send.message(List.of(new ContentPart.Text("done")))), "test");
		this.assistants.register("boom", (context, send) -> Flux.error(new IllegalStateException("boom")), "test");
		this.assistants.register("probe", (context, send) -> {
			Observation inScope = this.registry.getCurrentObservation();
			return Flux.deferContextual((reactor) -> {
				this.seenByHandler.complete(List.of(inScope, ReactiveObservations.current(reactor)));
				return Flux.empty();
			});
		}, "test");
		this.store = new InMemoryThreadStore(Clock.systemUTC());
		this.threadId = this.store.createThread(new NewThread(TenantScope.of(Map.of("org", "A")), null), alice)
			.block()
			.thread()
			.id();
		for (String assistant : List.of("helper", "boom", "probe")) {
			this.store.addMember(this.threadId, Identity.assistant(assistant, assistant), "member", alice).block();
		}
		this.runs = RunExecutor.builder(this.store, this.assistants)
			.broadcaster(new DefaultAcpBroadcaster())
			.observationRegistry(this.registry)
			.build();
	}

	@Test
	void completedRunIsObservedAsAChildOfItsInvocationWithItsHandlerBelow() {
		Observation caller = Observation.start("caller", this.registry);
		Run run = invoke("helper", caller);
		caller.stop();
		awaitStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("acp.run")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasParentObservationEqualTo(caller)
			.hasLowCardinalityKeyValue("acp.assistant.id", "helper")
			.hasLowCardinalityKeyValue("acp.run.status", "completed")
			.hasLowCardinalityKeyValue("acp.run.error.code", "none")
			.hasHighCardinalityKeyValue("acp.thread.id", this.threadId)
			.hasHighCardinalityKeyValue("acp.run.id", run.id())
			.backToTestObservationRegistry()
			.hasObservationWithNameEqualTo("acp.run.handler")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasParentObservationContextMatching((parent) -> "acp.run".equals(parent.getName()))
			.hasLowCardinalityKeyValue("acp.assistant.id", "helper")
			.hasLowCardinalityKeyValue("outcome", "completed")
			.hasHighCardinalityKeyValue("acp.run.id", run.id())
			.doesNotHaveError();
	}

	@Test
	void failedRunIsObservedWithItsCodeAndTheHandlersError() {
		invoke("boom", null);
		awaitStopped();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("acp.run")
			.that()
			.doesNotHaveParentObservation()
			.hasLowCardinalityKeyValue("acp.run.status", "failed")
			.hasLowCardinalityKeyValue("acp.run.error.code", "handler_error")
			.backToTestObservationRegistry()
			.hasObservationWithNameEqualTo("acp.run.handler")
			.that()
			.hasLowCardinalityKeyValue("outcome", "handler_error")
			.hasError();
	}

	@Test
	void cancelledQueuedRunIsObservedCancelledWithoutAHandler() {
		RunExecutor stopped = RunExecutor.builder(this.store, this.assistants)
			.broadcaster(new DefaultAcpBroadcaster())
			.observationRegistry(this.registry)
			.settings(RunSettings.defaults().withConcurrency(1))
			.build();
		this.assistants.register("hang", (context, send) -> Flux.never(), "test");
		this.store.addMember(this.threadId, Identity.assistant("hang", "hang"), "member", alice).block();
		Run hanging = stopped.invoke(this.threadId, InvocationRequest.of(List.of("hang"), alice, null, null))
			.block()
			.runs()
			.get(0)
			.run();
		Run queued = stopped.invoke(this.threadId, InvocationRequest.of(List.of("helper"), alice, null, null))
			.block()
			.runs()
			.get(0)
			.run();
		assertThat(stopped.cancelLocal(queued.id())).isTrue();
		assertThat(stopped.cancelLocal(hanging.id())).isTrue();
		await().atMost(WAIT).until(() -> stopped.ownedRunIds().isEmpty());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("acp.run", 2)
			.hasNumberOfObservationsWithNameEqualTo("acp.run.handler", 1)
			.forAllObservationsWithNameEqualTo("acp.run",
					(run) -> run.hasLowCardinalityKeyValue("acp.run.status", "cancelled"))
			.hasAnObservation((handler) -> handler.hasNameEqualTo("acp.run.handler")
				.hasLowCardinalityKeyValue("acp.assistant.id", "hang")
				.hasLowCardinalityKeyValue("outcome", "cancelled"));
	}

	@Test
	void handlerSeesItsObservationInScopeAndInItsReactorContext() throws Exception {
		invoke("probe", null);
		List<Observation> seen = this.seenByHandler.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0).getContext().getName()).isEqualTo("acp.run.handler");
		assertThat(seen.get(1)).isSameAs(seen.get(0));
	}

	private Run invoke(String assistant, Observation parent) {
		Mono<Run> invoked = this.runs.invoke(this.threadId, InvocationRequest.of(List.of(assistant), alice, null, null))
			.map((invocation) -> invocation.runs().get(0).run());
		return ((parent != null) ? ReactiveObservations.asParent(parent, invoked) : invoked).block();
	}

	private void awaitStopped() {
		await().atMost(WAIT).until(() -> this.runs.ownedRunIds().isEmpty());
	}

}
