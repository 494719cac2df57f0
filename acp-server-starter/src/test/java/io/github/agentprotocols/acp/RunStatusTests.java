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
