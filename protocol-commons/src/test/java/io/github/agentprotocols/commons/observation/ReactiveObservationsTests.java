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

package io.github.agentprotocols.commons.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveObservations} and {@link ObservationStop}.
 */
class ReactiveObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> signals = new ArrayList<>();

	@Test
	void stopsOnSuccessBeforeTheResultIsEmitted() {
		Observation observation = start();
		Mono<String> observed = ReactiveObservations.stopOnEnd(observation, Mono.just("result"), recording());
		StepVerifier.create(observed.doOnNext((result) -> this.signals.add("emitted")))
			.expectNext("result")
			.verifyComplete();
		assertThat(this.signals).containsExactly("success result", "stopped", "emitted");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void stopsOnErrorRecordingWhatTheSignalsReturn() {
		IllegalStateException failure = new IllegalStateException("refused");
		Observation observation = start();
		StepVerifier.create(ReactiveObservations.stopOnEnd(observation, Mono.error(failure), recording()))
			.verifyErrorMessage("refused");
		assertThat(this.signals).containsExactly("error refused", "stopped");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void recordsNoErrorWhenTheSignalsSayNone() {
		Observation observation = start();
		ReactiveObservations.Signals<Object> ignoring = new ReactiveObservations.Signals<>() {

			@Override
			public @Nullable Throwable error(Throwable error) {
				return null;
			}

		};
		StepVerifier.create(ReactiveObservations.stopOnEnd(observation, Mono.error(new RuntimeException()), ignoring))
			.verifyError();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void stopsOnCancelAndOnlyOnceWhenASuccessWasCancelled() {
		Observation observation = start();
		Sinks.One<String> never = Sinks.one();
		StepVerifier.create(ReactiveObservations.stopOnEnd(observation, never.asMono(), recording()))
			.thenCancel()
			.verify();
		assertThat(this.signals).containsExactly("cancel", "stopped");
	}

	@Test
	void stopsAStreamOnCompletionBeforeTheSubscriberHearsIt() {
		Observation observation = start();
		Flux<Integer> observed = ReactiveObservations.stopOnEnd(observation, Flux.just(1, 2), recording());
		StepVerifier.create(observed.doOnComplete(() -> this.signals.add("completed")))
			.expectNext(1, 2)
			.verifyComplete();
		assertThat(this.signals).containsExactly("success null", "stopped", "completed");
	}

	@Test
	void aStopStopsOnce() {
		Observation observation = start();
		ObservationStop stop = new ObservationStop(observation);
		assertThat(stop.stop(new IllegalStateException("first"))).isTrue();
		assertThat(stop.stop(new IllegalStateException("second"))).isFalse();
		assertThat(stop.observation()).isSameAs(observation);
		assertThat(this.signals).containsExactly("stopped");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.assertThatError()
			.hasMessage("first");
	}

	@Test
	void asParentPutsTheObservationInTheReactorContext() {
		Observation observation = start();
		AtomicReference<@Nullable Observation> seen = new AtomicReference<>();
		Mono<Void> call = Mono.deferContextual((view) -> {
			seen.set(ReactiveObservations.current(view));
			return Mono.empty();
		});
		StepVerifier.create(ReactiveObservations.asParent(observation, call)).verifyComplete();
		assertThat(seen.get()).isSameAs(observation);
		StepVerifier.create(call).verifyComplete();
		assertThat(seen.get()).isNull();
	}

	private Observation start() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ReactiveObservationsTests.this.signals.add("stopped");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		return Observation.start("test", this.registry);
	}

	private <T> ReactiveObservations.Signals<T> recording() {
		return new ReactiveObservations.Signals<>() {

			@Override
			public void success(@Nullable T result) {
				ReactiveObservationsTests.this.signals.add("success " + result);
			}

			@Override
			public Throwable error(Throwable error) {
				ReactiveObservationsTests.this.signals.add("error " + error.getMessage());
				return error;
			}

			@Override
			public void cancel() {
				ReactiveObservationsTests.this.signals.add("cancel");
			}

		};
	}

}
