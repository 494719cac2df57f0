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
