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

package io.github.agentprotocols.acp;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunStatusTests {

	@Test
	void legalSourcesFollowTheTransitionDiagram() {
		assertThat(RunStatus.PENDING.legalSources()).isEmpty();
		assertThat(RunStatus.RUNNING.legalSources()).containsExactly(RunStatus.PENDING);
		assertThat(RunStatus.COMPLETED.legalSources()).containsExactly(RunStatus.RUNNING);
		assertThat(RunStatus.FAILED.legalSources()).containsExactlyInAnyOrder(RunStatus.PENDING, RunStatus.RUNNING);
		assertThat(RunStatus.CANCELLED.legalSources()).containsExactlyInAnyOrder(RunStatus.PENDING, RunStatus.RUNNING);
	}

	@Test
	void terminalStatusesAreCompletedFailedAndCancelled() {
		assertThat(RunStatus.values()).filteredOn(RunStatus::isTerminal)
			.containsExactly(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED);
	}

	@Test
	void aRunCarriesCompletedAtExactlyWhenTerminalAndErrorExactlyWhenFailed() {
		Identity helper = Identity.assistant("helper", "Helper");
		Identity alice = Identity.user("alice", "Alice");
		Instant now = Instant.EPOCH;
		assertThatIllegalArgumentException().isThrownBy(() -> new Run("run_1", "th_1", helper, alice,
				RunStatus.COMPLETED, now, null, null, null, null, 0, null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Run("run_1", "th_1", helper, alice, RunStatus.RUNNING, now, now, null, null, null, 0, null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Run("run_1", "th_1", helper, alice, RunStatus.FAILED, now, now, null, null, null, 0, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Run("run_1", "th_1", helper, alice,
				RunStatus.COMPLETED, now, now, new RunError("timeout", "late"), null, null, 0, null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Run("run_1", "th_1", alice, alice, RunStatus.PENDING, now, null, null, null, null, 0, null));
	}

}
