package io.github.agentprotocols.happy;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnumsTests {

	@SpecItem("HAPPY-8.5.7")
	@Test
	void agentsRoundTripTheirWireValues() {
		for (Agent agent : Agent.values()) {
			assertThat(Agent.fromWireValue(agent.wireValue())).isSameAs(agent);
		}
		assertThat(Agent.CLAUDE.wireValue()).isEqualTo("claude");
	}

	@SpecItem("HAPPY-8.5.7")
	@Test
	void unknownAgentIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Agent.fromWireValue("cursor"));
	}

	@SpecItem("HAPPY-8.9.3")
	@Test
	void permissionModesRoundTripTheirWireValues() {
		for (PermissionMode mode : PermissionMode.values()) {
			assertThat(PermissionMode.fromWireValue(mode.wireValue())).isSameAs(mode);
		}
		assertThat(PermissionMode.YOLO.wireValue()).isEqualTo("yolo");
		assertThat(PermissionMode.ACCEPT_EDITS.wireValue()).isEqualTo("acceptEdits");
	}

	@SpecItem("HAPPY-8.9.3")
	@Test
	void yoloGoesToClaudeAsBypassPermissionsWhichEveryCliAccepts() {
		assertThat(PermissionMode.YOLO.wireValueFor("claude")).isEqualTo("bypassPermissions");
		assertThat(PermissionMode.YOLO.wireValueFor(null)).isEqualTo("bypassPermissions");
		assertThat(PermissionMode.YOLO.wireValueFor("codex")).isEqualTo("yolo");
		assertThat(PermissionMode.YOLO.wireValueFor("gemini")).isEqualTo("yolo");
		assertThat(PermissionMode.PLAN.wireValueFor("claude")).isEqualTo("plan");
		assertThat(PermissionMode.SAFE_YOLO.wireValueFor("codex")).isEqualTo("safe-yolo");
	}

	@SpecItem("HAPPY-8.9.3")
	@Test
	void unknownPermissionModeIsRejectedSinceTheAgentWouldDropTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> PermissionMode.fromWireValue("YOLO"));
	}

}
