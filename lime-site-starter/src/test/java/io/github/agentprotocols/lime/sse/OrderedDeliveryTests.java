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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.lime.EventObservations;
import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.EventObservations.ObservedEvent;
import io.github.agentprotocols.lime.LimeEvent.Type;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.observation.LimeEventObservationContext.Source;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OrderedDelivery}: handlers off the caller's thread, in order per
 * request id, isolated across request ids, each within its timeout.
 */
@SpecItem("LIME-8.1")
class OrderedDeliveryTests {

	private static final EventObservations NO_OBSERVATIONS = new EventObservations(ObservationRegistry.NOOP, null,
			null);

	private final Scheduler scheduler = Schedulers.newBoundedElastic(4, 100, "lime-test");

	private final Queue<String> calls = new ConcurrentLinkedQueue<>();

	private final List<LimeEvent> handled = new CopyOnWriteArrayList<>();

	private final List<LimeEvent> dropped = new CopyOnWriteArrayList<>();

	@AfterEach
	void disposeScheduler() {
		this.scheduler.dispose();
	}

	@Test
	void eventsOfOneRequestRunInOrderThroughEveryHandlerInRegistrationOrder() throws Exception {
		CountDownLatch done = new CountDownLatch(6);
		LimeLoginHandler first = (id, jwt) -> record("first " + id + " " + jwt, done);
		LimeLoginHandler second = (id, jwt) -> record("second " + id + " " + jwt, done);
		OrderedDelivery delivery = delivery(List.of(first, second), Duration.ofSeconds(30));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "a", null)));
		delivery.submit(observed(new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "c", null)));
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.calls).containsExactly("first lr_1 a", "second lr_1 a", "first lr_1 null", "second lr_1 null",
				"first lr_1 c", "second lr_1 c");
	}

	@Test
	void handlersRunOffTheSubmittingThread() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		LimeLoginHandler handler = (id, jwt) -> record(Thread.currentThread().getName(), done);
		delivery(List.of(handler), Duration.ofSeconds(30))
			.submit(observed(new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.calls).singleElement().asString().startsWith("lime-test");
	}

	@Test
	void slowHandlerDoesNotDelayOtherRequests() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(2);
		LimeLoginHandler handler = (id, jwt) -> {
			if (id.equals("lr_slow")) {
				await(release);
			}
			record(id, done);
		};
		OrderedDelivery delivery = delivery(List.of(handler), Duration.ofSeconds(30));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_slow", "a", null)));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_fast", "b", null)));
		awaitCall("lr_fast");
		release.countDown();
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.calls).containsExactly("lr_fast", "lr_slow");
	}

	@Test
	void throwingHandlerIsLoggedAndTheNextHandlerAndEventStillRun() throws Exception {
		CountDownLatch done = new CountDownLatch(2);
		LimeLoginHandler failing = (id, jwt) -> {
			throw new IllegalStateException("boom");
		};
		LimeLoginHandler recording = (id, jwt) -> record(id + " " + jwt, done);
		OrderedDelivery delivery = delivery(List.of(failing, recording), Duration.ofSeconds(30));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "a", null)));
		delivery.submit(observed(new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.calls).containsExactly("lr_1 a", "lr_1 null");
	}

	@Test
	void handlerOverItsTimeoutIsInterruptedAndTheNextOneRuns() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(2);
		LimeLoginHandler hanging = (id, jwt) -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				record("interrupted " + id, done);
			}
		};
		LimeLoginHandler recording = (id, jwt) -> record("next " + id, done);
		delivery(List.of(hanging, recording), Duration.ofMillis(50))
			.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "a", null)));
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.calls).containsExactlyInAnyOrder("interrupted lr_1", "next lr_1");
	}

	@Test
	void handlersTimeoutCountsFromItsStartNotFromItsWaitForAThread() throws Exception {
		Scheduler oneThread = Schedulers.newSingle("lime-test-busy");
		try {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch busy = new CountDownLatch(1);
			oneThread.schedule(() -> {
				busy.countDown();
				await(release);
			});
			assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch interrupted = new CountDownLatch(1);
			LimeLoginHandler hanging = (id, jwt) -> {
				started.countDown();
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
				}
			};
			new OrderedDelivery(List.of(hanging), oneThread, Duration.ofMillis(200), LimeMetrics.NONE, NO_OBSERVATIONS,
					this.handled::add, this.dropped::add)
				.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "a", null)));
			Thread.sleep(400);
			release.countDown();
			assertThat(started.await(10, TimeUnit.SECONDS)).as("handler started after waiting longer than its timeout")
				.isTrue();
			assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("interrupted after its own timeout").isTrue();
		}
		finally {
			oneThread.dispose();
		}
	}

	@Test
	void disposeInterruptsRunningHandlersAndDropsQueuedEventsReportingThemDropped() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		LimeLoginHandler handler = (id, jwt) -> {
			this.calls.add(id + " " + jwt);
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		};
		OrderedDelivery delivery = delivery(List.of(handler), Duration.ofSeconds(30));
		delivery.submit(observed(new LimeEvent(Type.APPROVED, "lr_1", "a", null)));
		delivery.submit(observed(new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		delivery.dispose();
		assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		delivery.submit(observed(new LimeEvent(Type.EXPIRED, "lr_2", null, null)));
		assertThat(this.calls).containsExactly("lr_1 a");
		assertThat(this.handled).as("events whose handling was cut short are not handled").isEmpty();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.dropped).containsExactlyInAnyOrder(
					new LimeEvent(Type.APPROVED, "lr_1", "a", null), new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
	}

	@Test
	void eventIsReportedHandledOnceEveryHandlerRanOnIt() {
		LimeEvent approved = new LimeEvent(Type.APPROVED, "lr_1", "a", null);
		List<LimeEvent> handledWhenSecondRan = new CopyOnWriteArrayList<>();
		OrderedDelivery delivery = delivery(List.of((id, jwt) -> this.calls.add("first " + id), (id, jwt) -> {
			handledWhenSecondRan.addAll(this.handled);
			throw new IllegalStateException("a handler that fails still ran");
		}), Duration.ofSeconds(30));
		delivery.submit(observed(approved));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.handled.contains(approved));
		assertThat(handledWhenSecondRan).isEmpty();
		assertThat(this.handled).containsExactly(approved);
	}

	@Test
	void handlerOverItsTimeoutIsObservedAsATimeoutAndQueuedEventsDroppedOnDisposeAsDropped() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		EventObservations observations = new EventObservations(registry, null, null);
		CountDownLatch interrupted = new CountDownLatch(1);
		LimeLoginHandler hanging = (id, jwt) -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		};
		OrderedDelivery delivery = new OrderedDelivery(List.of(hanging), this.scheduler, Duration.ofMillis(50),
				LimeMetrics.NONE, observations, this.handled::add, this.dropped::add);
		delivery.submit(observations.event(new LimeEvent(Type.APPROVED, "lr_1", "a", null), Source.STREAM));
		assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("lime.event.handler")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "timeout"));
		delivery.dispose();
		delivery.submit(observations.event(new LimeEvent(Type.EXPIRED, "lr_2", null, null), Source.STREAM));
		TestObservationRegistryAssert.assertThat(registry)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("lime.event.delivery")
				.hasHighCardinalityKeyValue("lime.request.id", "lr_2")
				.hasLowCardinalityKeyValue("outcome", "dropped"));
	}

	private OrderedDelivery delivery(List<LimeLoginHandler> handlers, Duration timeout) {
		return new OrderedDelivery(handlers, this.scheduler, timeout, LimeMetrics.NONE, NO_OBSERVATIONS,
				this.handled::add, this.dropped::add);
	}

	private static ObservedEvent observed(LimeEvent event) {
		return NO_OBSERVATIONS.event(event, Source.STREAM);
	}

	private void record(String call, CountDownLatch done) {
		this.calls.add(call);
		done.countDown();
	}

	private void awaitCall(String call) throws InterruptedException {
		for (int i = 0; i < 1000 && !this.calls.contains(call); i++) {
			Thread.sleep(10);
		}
		assertThat(this.calls).contains(call);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
