package io.github.agentprotocols.happy;

import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatesTests {

	@SpecItem("HAPPY-9.3.1")
	@Test
	void missingAgentStateIsNotIdle() {
		assertThat(AgentStates.isIdle(null)).isFalse();
	}

	@SpecItem("HAPPY-9.3.1")
	@Test
	void remoteAgentWithoutRequestsIsIdle() {
		assertThat(AgentStates.isIdle(Map.of("controlledByUser", false))).isTrue();
		assertThat(AgentStates.isIdle(Map.of("requests", Map.of()))).isTrue();
	}

	@SpecItem("HAPPY-9.3.1")
	@Test
	void agentDrivenFromTheTerminalIsNotIdle() {
		assertThat(AgentStates.isIdle(Map.of("controlledByUser", true))).isFalse();
	}

	@SpecItem("HAPPY-9.3.1")
	@Test
	void pendingPermissionRequestIsNotIdle() {
		assertThat(AgentStates.isIdle(Map.of("requests", Map.of("r1", Map.of("tool", "Bash"))))).isFalse();
	}

	@SpecItem("HAPPY-9.3.2")
	@Test
	void archivedLifecycleStateIsArchived() {
		assertThat(AgentStates.isArchived(Map.of("lifecycleState", "archived"))).isTrue();
		assertThat(AgentStates.isArchived(Map.of("lifecycleState", "running"))).isFalse();
		assertThat(AgentStates.isArchived(Map.of())).isFalse();
	}

}
