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

package io.github.agentprotocols.happy.e2e;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.MachineOfflineException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.SpawnException;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.HappyObservations;
import io.github.agentprotocols.happy.observation.RestObservationContext;
import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.RpcTimings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each operation of the client is observed, with its keys, its outcome and its parent,
 * against the fake server and daemon.
 */
class ObservationsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String DIRECTORY = "/home/user/project";

	private static FakeHappyServer server;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private HappyTestAccount account;

	private FakeHappyDaemon daemon;

	private HappyClient client;

	@BeforeAll
	static void startServer() {
		server = FakeHappyServer.builder().rpcTimings(RpcTimings.shortened()).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void startDaemon() {
		this.account = HappyTestAccount.create(server);
		this.daemon = FakeHappyDaemon.start(this.account);
		this.client = ReactiveHappyClient.builder(this.account.credentials())
			.rpcTimeout(WAIT)
			.connectTimeout(Duration.ofSeconds(10))
			.observations(new HappyObservations(this.registry))
			.buildBlocking();
	}

	@AfterEach
	void stopDaemon() {
		server.reset();
		this.client.close();
		this.daemon.close();
	}

	@Test
	void restCallIsObservedByMethodRouteAndStatus() {
		this.client.getMachine(this.daemon.machineId());
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rest")
			.that()
			.hasContextualNameEqualTo("GET /v1/machines/{id}")
			.hasLowCardinalityKeyValue("method", "GET")
			.hasLowCardinalityKeyValue("uri", "/v1/machines/{id}")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("happy.rest.resource.id", this.daemon.machineId())
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void restCallThatFailsIsObservedWithItsStatusAndError() {
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> this.client.deleteSession("no-such-session"));
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rest")
			.that()
			.hasLowCardinalityKeyValue("method", "DELETE")
			.hasLowCardinalityKeyValue("uri", "/v1/sessions/{id}")
			.hasLowCardinalityKeyValue("status", "404")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasHighCardinalityKeyValue("happy.rest.resource.id", "no-such-session")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(SessionNotFoundException.class);
	}

	@Test
	void restCallCarriesTheHeadersThatTheObservationPropagates() {
		this.registry.observationConfig().observationHandler(new HeaderSetter());
		this.client.getMachine(this.daemon.machineId());
		assertThat(server.receivedHeaders())
			.filteredOn((received) -> received.request().path().startsWith("/v1/machines/"))
			.singleElement()
			.extracting((received) -> received.header("x-observed"))
			.isEqualTo("GET /v1/machines/{id}");
	}

	@Test
	void spawnIsObservedWithItsRpcAsChild() {
		String sessionId = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		assertSucceededOnTheMachine("happy.spawn", sessionId);
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rpc.call")
			.that()
			.hasContextualNameEqualTo("rpc spawn-happy-session")
			.hasLowCardinalityKeyValue("method", "spawn-happy-session")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("happy.rpc.scope", this.daemon.machineId())
			.hasParentObservationContextMatching(named("happy.spawn"))
			.hasBeenStopped();
	}

	@Test
	void spawnOnAnOfflineMachineIsObservedAsOffline() {
		String machineId = this.daemon.machineId();
		this.daemon.close();
		assertThatExceptionOfType(MachineOfflineException.class)
			.isThrownBy(() -> this.client.spawnSession(machineId, DIRECTORY));
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rpc.call")
			.that()
			.hasLowCardinalityKeyValue("outcome", "offline")
			.doesNotHaveError()
			.hasBeenStopped();
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.spawn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "offline")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(MachineOfflineException.class);
	}

	@Test
	void taskIsTheParentOfItsSpawnTurnAndStop() {
		String sessionId = this.client.runTask(this.daemon.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, WAIT);
		assertSucceededOnTheMachine("happy.task", sessionId);
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.spawn")
			.that()
			.hasParentObservationContextMatching(named("happy.task"));
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.turn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("happy.session.id", sessionId)
			.hasParentObservationContextMatching(named("happy.task"))
			.hasBeenStopped();
		assertThat(this.registry).hasAnObservation((observation) -> observation.hasNameEqualTo("happy.rest")
			.hasLowCardinalityKeyValue("method", "POST")
			.hasLowCardinalityKeyValue("uri", "/v3/sessions/{id}/messages")
			.hasParentObservationContextMatching(named("happy.turn")));
		assertThat(this.registry).hasAnObservation((observation) -> observation.hasNameEqualTo("happy.rpc.call")
			.hasLowCardinalityKeyValue("method", "killSession")
			.hasHighCardinalityKeyValue("happy.rpc.scope", sessionId)
			.hasParentObservationContextMatching(named("happy.task")));
	}

	@Test
	void turnThatTimesOutIsObservedAsTimeout() {
		this.daemon.behaviour(AgentBehaviour.SILENT);
		assertThatExceptionOfType(HappyTimeoutException.class).isThrownBy(() -> this.client
			.runTask(this.daemon.machineId(), DIRECTORY, "Hello", Agent.CLAUDE, Duration.ofSeconds(2)));
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.turn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "timeout")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(HappyTimeoutException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.task")
			.that()
			.hasLowCardinalityKeyValue("outcome", "timeout")
			.hasBeenStopped();
	}

	@Test
	void waitForTurnCompletionIsObservedAsATurn() {
		String sessionId = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		this.client.sendMessage(sessionId, "Hello");
		this.client.waitForTurnCompletion(sessionId, WAIT);
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.turn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("happy.session.id", sessionId)
			.doesNotHaveParentObservation()
			.hasBeenStopped();
	}

	@Test
	void restCallWithoutAnAnswerIsObservedWithoutStatus() {
		try (HappyClient unreachable = ReactiveHappyClient
			.builder(HappyCredentials.of("http://127.0.0.1:1", "token", this.account.secretBase64()))
			.observations(new HappyObservations(this.registry))
			.buildBlocking()) {
			assertThatExceptionOfType(HappyConnectionException.class).isThrownBy(unreachable::listMachines);
		}
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rest")
			.that()
			.hasLowCardinalityKeyValue("uri", "/v1/machines")
			.hasLowCardinalityKeyValue("status", "NONE")
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(HappyConnectionException.class);
	}

	@Test
	void rpcWithoutAnAcknowledgementIsObservedAsTimeout() {
		try (FakeHappyServer patient = FakeHappyServer.builder()
			.rpcTimings(new RpcTimings(Duration.ofMinutes(5), WAIT, Duration.ofMillis(100)))
			.start()) {
			HappyTestAccount account = HappyTestAccount.create(patient);
			String machineId;
			try (FakeHappyDaemon gone = FakeHappyDaemon.start(account)) {
				machineId = gone.machineId();
			}
			try (HappyClient client = ReactiveHappyClient.builder(account.credentials())
				.rpcTimeout(Duration.ofMillis(200))
				.observations(new HappyObservations(this.registry))
				.buildBlocking()) {
				assertThatExceptionOfType(SpawnException.class)
					.isThrownBy(() -> client.spawnSession(machineId, DIRECTORY));
			}
		}
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rpc.call")
			.that()
			.hasLowCardinalityKeyValue("outcome", "timeout")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(HappyTimeoutException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.spawn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(SpawnException.class);
	}

	@Test
	void cancelledWaitIsObservedAsCancelled() {
		String sessionId = this.client.spawnSession(this.daemon.machineId(), DIRECTORY);
		Disposable wait = this.client.reactive().waitForTurnCompletion(sessionId, WAIT).subscribe();
		wait.dispose();
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.turn")
			.that()
			.hasLowCardinalityKeyValue("outcome", "cancelled")
			.doesNotHaveError()
			.hasBeenStopped();
	}

	@Test
	void observationInTheReactorContextIsTheParent() {
		Observation caller = Observation.start("caller", this.registry);
		this.client.reactive()
			.getMachine(this.daemon.machineId())
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block(WAIT);
		caller.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rest")
			.that()
			.hasParentObservationEqualTo(caller);
	}

	@Test
	void currentObservationOfABlockingCallerIsTheParent() {
		Observation caller = Observation.createNotStarted("caller", this.registry);
		caller.observe(() -> this.client.getMachine(this.daemon.machineId()));
		assertThat(this.registry).hasObservationWithNameEqualTo("happy.rest")
			.that()
			.hasParentObservationEqualTo(caller);
	}

	private void assertSucceededOnTheMachine(String name, String sessionId) {
		assertThat(this.registry).hasObservationWithNameEqualTo(name)
			.that()
			.hasLowCardinalityKeyValue("happy.agent", "claude")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasHighCardinalityKeyValue("happy.machine.id", this.daemon.machineId())
			.hasHighCardinalityKeyValue("happy.session.id", sessionId)
			.doesNotHaveParentObservation()
			.hasBeenStopped();
	}

	private static Predicate<Observation.ContextView> named(String name) {
		return (context) -> name.equals(context.getName());
	}

	/**
	 * Sets a header on each REST call's carrier, as a tracing handler does.
	 */
	private static final class HeaderSetter implements ObservationHandler<RestObservationContext> {

		@Override
		public void onStart(RestObservationContext context) {
			context.getSetter().set(context.getCarrier(), "x-observed", context.getMethod() + " " + context.getRoute());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof RestObservationContext;
		}

	}

}
