package io.github.agentprotocols.happy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatesTests {

	@Test
	void missingAgentStateIsNotIdle() {
		assertThat(AgentStates.isIdle(null)).isFalse();
	}

	@Test
	void remoteAgentWithoutRequestsIsIdle() {
		assertThat(AgentStates.isIdle(Map.of("controlledByUser", false))).isTrue();
		assertThat(AgentStates.isIdle(Map.of("requests", Map.of()))).isTrue();
	}

	@Test
	void agentDrivenFromTheTerminalIsNotIdle() {
		assertThat(AgentStates.isIdle(Map.of("controlledByUser", true))).isFalse();
	}

	@Test
	void pendingPermissionRequestIsNotIdle() {
		assertThat(AgentStates.isIdle(Map.of("requests", Map.of("r1", Map.of("tool", "Bash"))))).isFalse();
	}

	@Test
	void archivedLifecycleStateIsArchived() {
		assertThat(AgentStates.isArchived(Map.of("lifecycleState", "archived"))).isTrue();
		assertThat(AgentStates.isArchived(Map.of("lifecycleState", "running"))).isFalse();
		assertThat(AgentStates.isArchived(Map.of())).isFalse();
	}

}
