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

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.testsupport.SimulatedClock;

/**
 * The run executor on the {@link InMemoryThreadStore}, in simulated time.
 */
class InMemoryRunExecutorTests extends RunExecutorContractTests {

	private final SimulatedClock clock = new SimulatedClock();

	@Override
	protected ThreadStore createStore() {
		return new InMemoryThreadStore(this.clock);
	}

	@Override
	protected Clock clock() {
		return this.clock;
	}

	@Override
	protected void ageHeartbeats(Duration duration) {
		this.clock.advance(duration);
	}

}
