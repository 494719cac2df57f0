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
