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

package io.github.agentprotocols.happy;

import io.github.agentprotocols.happy.observation.TurnObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class HappyObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final Observation caller = Observation.createNotStarted("caller", this.registry);

	@Test
	void workSeesItsObservationInTheReactorContextAsChildOfTheCallers() {
		Observation seen = observedFromCaller(new HappyObservations(this.registry));
		assertThat(seen).isNotSameAs(this.caller);
		assertThat(seen.getContextView().getName()).isEqualTo("happy.turn");
		assertThat(seen.getContextView().getParentObservation()).isSameAs(this.caller);
	}

	@Test
	void withANoopRegistryTheCallersObservationStaysInTheReactorContext() {
		assertThat(observedFromCaller(new HappyObservations(ObservationRegistry.NOOP))).isSameAs(this.caller);
		assertThat(observedFromCaller(HappyObservations.NOOP)).isSameAs(this.caller);
	}

	private Observation observedFromCaller(HappyObservations observations) {
		return observations
			.turn(() -> new TurnObservationContext("s1"),
					(context) -> Mono.deferContextual(
							(reactor) -> Mono.just(reactor.<Observation>get(ObservationThreadLocalAccessor.KEY))))
			.contextWrite((reactor) -> reactor.put(ObservationThreadLocalAccessor.KEY, this.caller))
			.block();
	}

}
