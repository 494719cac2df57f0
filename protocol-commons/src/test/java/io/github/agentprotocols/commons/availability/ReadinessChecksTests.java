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

package io.github.agentprotocols.commons.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReadinessChecks}.
 */
class ReadinessChecksTests {

	private final List<Object> published = new ArrayList<>();

	private final AtomicReference<String> relay = new AtomicReference<>();

	private final AtomicReference<String> stream = new AtomicReference<>();

	private final ReadinessChecks checks = new ReadinessChecks(List.of(this.relay::get, this.stream::get),
			this.published::add, Duration.ofSeconds(1));

	@Test
	void publishesOnlyChangesOfVerdict() {
		this.checks.read();
		assertThat(this.published).as("ready from the start: nothing to say").isEmpty();
		this.relay.set("relay deaf");
		this.checks.read();
		this.checks.read();
		assertThat(states()).containsExactly(ReadinessState.REFUSING_TRAFFIC);
		this.stream.set("stream rejected");
		this.relay.set(null);
		this.checks.read();
		assertThat(states()).as("still a reason to refuse").containsExactly(ReadinessState.REFUSING_TRAFFIC);
		this.stream.set(null);
		this.checks.read();
		assertThat(states()).containsExactly(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void readsWhileRunningOnlyWhenThereAreChecks() {
		ReadinessChecks none = new ReadinessChecks(List.of(), this.published::add, Duration.ofSeconds(1));
		none.start();
		assertThat(none.isRunning()).isFalse();
		this.checks.start();
		assertThat(this.checks.isRunning()).isTrue();
		this.checks.stop();
		assertThat(this.checks.isRunning()).isFalse();
	}

	private List<ReadinessState> states() {
		return this.published.stream()
			.map((event) -> (ReadinessState) ((AvailabilityChangeEvent<?>) event).getState())
			.toList();
	}

}
