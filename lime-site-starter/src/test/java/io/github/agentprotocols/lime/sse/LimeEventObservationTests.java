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

package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observations of the dispatcher against the {@link FakeLimeApi}: each event from its
 * frame until its handlers ran, each handler run as its child on the handler thread, and
 * the handler's observation the parent of what the handler observes.
 */
class LimeEventObservationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final FakeLimeApiExtension lime = new FakeLimeApiExtension((fake) -> fake.sseIds(true));

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stopDispatcher() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	void approvalIsObservedFromFrameToHandlerAndTheHandlerRunIsTheParentOfWhatItObserves(FakeLimeApi fake) {
		LimeLoginHandler handler = (requestId, passportJwt) -> Observation.createNotStarted("user.work", this.registry)
			.observe(() -> {
			});
		start(fake, handler);
		String requestId = fake.createLoginRequestDirectly();
		fake.agent().approve(requestId);
		awaitStopped("user.work");
		awaitStopped("lime.event.delivery");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.event.delivery")
			.that()
			.doesNotHaveParentObservation()
			.hasLowCardinalityKeyValue("lime.event.type", "approved")
			.hasLowCardinalityKeyValue("lime.event.source", "stream")
			.hasLowCardinalityKeyValue("outcome", "delivered")
			.hasHighCardinalityKeyValue("lime.request.id", requestId)
			.hasHighCardinalityKeyValueWithKey("lime.event.id");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("lime.event.handler")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("lime.event.type", "approved")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("lime.request.id", requestId)
			.hasHighCardinalityKeyValue("lime.handler", handler.toString())
			.hasParentObservationContextMatching((parent) -> "lime.event.delivery".equals(parent.getName()));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("user.work")
			.that()
			.hasParentObservationContextMatching((parent) -> "lime.event.handler".equals(parent.getName()));
	}

	@Test
	void throwingHandlerIsObservedAsAnErrorAndTheNextHandlerStillRuns(FakeLimeApi fake) throws Exception {
		IllegalStateException failure = new IllegalStateException("boom");
		CountDownLatch next = new CountDownLatch(1);
		start(fake, (requestId, passportJwt) -> {
			throw failure;
		}, (requestId, passportJwt) -> next.countDown());
		String requestId = fake.createLoginRequestDirectly();
		fake.emitExpired(requestId);
		assertThat(next.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		awaitStopped("lime.event.delivery");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("lime.event.handler", 2)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("lime.event.handler")
				.hasError(failure)
				.hasLowCardinalityKeyValue("lime.event.type", "expired")
				.hasLowCardinalityKeyValue("outcome", "error"))
			.hasObservationWithNameEqualTo("lime.event.delivery")
			.that()
			.hasLowCardinalityKeyValue("outcome", "delivered");
	}

	@Test
	void repeatedEventIsObservedAsADuplicate(FakeLimeApi fake) {
		fake.faults().duplicateDelivery(true);
		start(fake, (requestId, passportJwt) -> {
		});
		String requestId = fake.createLoginRequestDirectly();
		fake.emitExpired(requestId);
		await().atMost(WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo("lime.event.delivery")
					.hasLowCardinalityKeyValue("outcome", "duplicate"))
				.hasNumberOfObservationsWithNameEqualTo("lime.event.delivery", 2)
				.hasNumberOfObservationsWithNameEqualTo("lime.event.handler", 1));
	}

	private void start(FakeLimeApi fake, LimeLoginHandler... handlers) {
		LimeEventDispatcher.Builder builder = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.observationRegistry(this.registry);
		for (LimeLoginHandler handler : handlers) {
			builder.handler(handler);
		}
		this.dispatcher = builder.build();
		this.dispatcher.start();
		await().atMost(WAIT).until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
	}

	private void awaitStopped(String name) {
		await().atMost(WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasObservationWithNameEqualTo(name)
				.that()
				.hasBeenStopped());
	}

}
