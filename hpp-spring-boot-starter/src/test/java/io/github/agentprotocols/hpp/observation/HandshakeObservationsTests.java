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

package io.github.agentprotocols.hpp.observation;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeObservations;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.memory.InMemorySessionStore;
import io.github.agentprotocols.hpp.memory.LocalPacedDelivery;
import io.github.agentprotocols.hpp.memory.LocalSessionBroadcast;
import io.github.agentprotocols.hpp.wire.HandshakeEvent;
import io.github.agentprotocols.hpp.wire.HppJson;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the engine is observed with its documented name and keys, as a child
 * of the observation in the Reactor context, with the outcome of refusals and the error
 * of failures.
 */
class HandshakeObservationsTests {

	private static final HandshakeRequest REQUEST = new HandshakeRequest(null, HttpHeaders.EMPTY, null);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final HandshakeObservations observations = new HandshakeObservations(this.registry, null, null, null);

	private final LocalSessionBroadcast broadcast = new LocalSessionBroadcast();

	private final LocalPacedDelivery delivery = new LocalPacedDelivery(this.broadcast, 4);

	private final HandshakeManager manager = manager(new InMemorySessionStore(100, 10, Clock.systemUTC()),
			HandshakeSettings.defaults());

	HandshakeObservationsTests() {
		this.delivery.setObservations(this.observations);
	}

	@AfterEach
	void stop() {
		this.delivery.stop();
	}

	@Test
	void sessionCreateIsObservedWithoutASession() {
		this.manager.createSession(json("{}"), REQUEST).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.session.create")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("hpp session create")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("hpp.transport", "http")
			.doesNotHaveHighCardinalityKeyValueWithKey("hpp.session.id");
	}

	@Test
	void contextIsObservedWithItsSession() {
		Created session = create();
		this.manager.context(session.id(), session.token()).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.context")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("hpp.session.id", session.id());
	}

	@Test
	void contextWithAWrongTokenIsRejected() {
		Created session = create();
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> this.manager.context(session.id(), "wrong").block());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.context")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "rejected")
			.doesNotHaveError();
	}

	@Test
	void contextOfAnUnknownSessionIsNotFound() {
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> this.manager.context("unknown", "token").block());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.context")
			.that()
			.hasLowCardinalityKeyValue("outcome", "not_found");
	}

	@Test
	void contextPastTheRateLimitIsRateLimited() {
		HandshakeSettings defaults = HandshakeSettings.defaults();
		HandshakeManager limited = manager(new InMemorySessionStore(100, 10, Clock.systemUTC()),
				new HandshakeSettings(defaults.ttl(), defaults.maxLifetime(), 1, defaults.extendRateLimitPerMinute(),
						defaults.limits(), defaults.pacing(), defaults.zone(), defaults.bindUserEditsToOwner(),
						defaults.clearedFieldsBecomeEmpty(), defaults.requireOwner(), defaults.paths()));
		Created session = Created.of(limited.createSession(json("{}"), REQUEST).block());
		limited.context(session.id(), session.token()).block();
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> limited.context(session.id(), session.token()).block());
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("hpp.context", 2)
			.hasAnObservationWithAKeyValue("outcome", "rate_limited");
	}

	@Test
	void failureOfTheStoreIsAnError() {
		IllegalStateException failure = new IllegalStateException("store down");
		HandshakeManager failing = manager(new InMemorySessionStore(100, 10, Clock.systemUTC()) {

			@Override
			public <T> Mono<T> update(String sessionId, Function<HandshakeSession, T> change) {
				return Mono.error(failure);
			}

		}, HandshakeSettings.defaults());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> failing.context("any", "token").block());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.context")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasError(failure);
	}

	@Test
	void actionIsAChildOfTheObservationInTheReactorContextAndItsDeliveryOfTheAction() throws Exception {
		Created session = create();
		Observation request = Observation.start("http.server.requests", this.registry);
		CompletableFuture<HandshakeEvent> done = this.broadcast.subscribe(session.id())
			.filter((event) -> "done".equals(event.type()))
			.next()
			.toFuture();
		this.manager.action(session.id(), session.token(), Mono.just(
				json("{\"actions\": [{\"type\": \"set\", \"key\": \"name\", \"value\": \"Ada\"}], \"intervalMs\": 0}")),
				REQUEST)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request))
			.block();
		assertThat(done.get(10, TimeUnit.SECONDS).frame().get("applied").asInt()).isOne();
		request.stop();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("hpp.delivery")
				.that()
				.hasBeenStopped());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.action")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("hpp.session.id", session.id())
			.hasParentObservationContextMatching((parent) -> parent == request.getContext());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.delivery")
			.that()
			.hasLowCardinalityKeyValue("hpp.transport", "internal")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasParentObservationContextMatching((parent) -> "hpp.action".equals(parent.getName()));
	}

	@Test
	void actionWithAWrongTokenIsRejectedAndDeliversNothing() {
		Created session = create();
		assertThatExceptionOfType(HandshakeException.class)
			.isThrownBy(() -> this.manager.action(session.id(), "wrong", Mono.just(json("{}")), REQUEST).block());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.action")
			.that()
			.hasLowCardinalityKeyValue("outcome", "rejected");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("hpp.delivery", 0);
	}

	@Test
	void extendIsObserved() {
		Created session = create();
		this.manager.extend(session.id(), session.token(), Mono.just(json("{\"extraSeconds\": 60}")), REQUEST).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.extend")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("hpp.session.id", session.id());
	}

	@Test
	void extendWithAnInvalidBodyIsInvalid() {
		Created session = create();
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(() -> this.manager
			.extend(session.id(), session.token(), Mono.just(json("{\"extraSeconds\": 0}")), REQUEST)
			.block());
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.extend")
			.that()
			.hasLowCardinalityKeyValue("outcome", "invalid");
	}

	@Test
	void notifyOverHttpIsObserved() {
		Created session = create();
		this.manager.notify(session.id(), Mono.just(json("{\"key\": \"name\", \"value\": \"Ada\"}")), REQUEST).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.notify")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("hpp.transport", "http")
			.hasHighCardinalityKeyValue("hpp.session.id", session.id());
	}

	@Test
	void userEditOverAWebSocketIsANotify() {
		Created session = create();
		HandshakeManager.Connection connection = this.manager.connect(session.id(), session.token(), REQUEST).block();
		this.manager.userEdit(connection, HppJson.read("\"name\""), HppJson.read("\"Ada\"")).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.notify")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("hpp.transport", "websocket");
	}

	@Test
	void aConventionBeanReplacesTheDefaultOfTheOperationsItSupports() {
		HandshakeObservationConvention tagged = new DefaultHandshakeObservationConvention(
				HppObservationDocumentation.CONTEXT) {

			@Override
			public KeyValues getLowCardinalityKeyValues(HandshakeObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
			}

		};
		HandshakeManager custom = HandshakeManager
			.builder(new InMemorySessionStore(100, 10, Clock.systemUTC()), this.broadcast, this.delivery)
			.observations(new HandshakeObservations(this.registry, tagged, null, null))
			.build();
		Created session = Created.of(custom.createSession(json("{}"), REQUEST).block());
		custom.context(session.id(), session.token()).block();
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.context")
			.that()
			.hasLowCardinalityKeyValue("tenant", "acme");
		assertThat(this.registry).hasObservationWithNameEqualTo("hpp.session.create")
			.that()
			.doesNotHaveLowCardinalityKeyValueWithKey("tenant");
	}

	private HandshakeManager manager(InMemorySessionStore store, HandshakeSettings settings) {
		return HandshakeManager.builder(store, this.broadcast, this.delivery)
			.settings(settings)
			.observations(this.observations)
			.build();
	}

	private Created create() {
		return Created.of(this.manager.createSession(json("{}"), REQUEST).block());
	}

	private static ObjectNode json(String text) {
		return (ObjectNode) HppJson.read(text);
	}

	record Created(String id, String token) {

		static Created of(ObjectNode created) {
			return new Created(created.get("sessionId").stringValue(), created.get("token").stringValue());
		}

	}

}
