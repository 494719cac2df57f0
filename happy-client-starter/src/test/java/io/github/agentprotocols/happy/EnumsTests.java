package io.github.agentprotocols.happy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnumsTests {

	@Test
	void agentsRoundTripTheirWireValues() {
		for (Agent agent : Agent.values()) {
			assertThat(Agent.fromWireValue(agent.wireValue())).isSameAs(agent);
		}
		assertThat(Agent.CLAUDE.wireValue()).isEqualTo("claude");
	}

	@Test
	void unknownAgentIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Agent.fromWireValue("cursor"));
	}

	@Test
	void permissionModesRoundTripTheirWireValues() {
		for (PermissionMode mode : PermissionMode.values()) {
			assertThat(PermissionMode.fromWireValue(mode.wireValue())).isSameAs(mode);
		}
		assertThat(PermissionMode.YOLO.wireValue()).isEqualTo("yolo");
		assertThat(PermissionMode.ACCEPT_EDITS.wireValue()).isEqualTo("acceptEdits");
	}

	@Test
	void unknownPermissionModeIsRejectedSinceTheAgentWouldDropTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> PermissionMode.fromWireValue("YOLO"));
	}

}
