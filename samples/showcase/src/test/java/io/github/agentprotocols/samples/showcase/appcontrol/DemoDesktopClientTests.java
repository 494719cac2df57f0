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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDesktopClientTests {

	private final DemoDesktopClient client = new DemoDesktopClient(Duration.ZERO);

	@Test
	void typeTextReportsItsProgressAndHowManyCharactersItTyped() {
		List<ToolEvent> events = events("type_text", Map.of("app", "Notes", "text", "Hello, showcase"));

		assertThat(events).extracting(ToolEvent::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(events).extracting(ToolEvent::summary)
			.containsExactly("Started type_text", "Focusing the text field in Notes", "Typed 7 of 15 characters",
					"Typed 15 of 15 characters", "Typed 15 characters into Notes");
		assertThat(events.get(4).type()).isEqualTo(ToolEventType.OBSERVATION);
		events.forEach((event) -> ProtocolSchemas.shared().validateProtocolPayload("event", event));
	}

	@Test
	void runCommandAnswersTheObservationOfTheStream() {
		ToolObservation observation = this.client
			.runCommand(new ToolCommand("cmd_1", DemoDesktopClient.TOOL, "screenshot", Map.of("app", "Safari"), null));

		assertThat(observation.status()).isEqualTo(ToolStatus.OK);
		assertThat(observation.observation()).containsEntry("width", 1280).containsEntry("height", 800);
	}

	@Test
	void missingArgumentIsAFailedObservation() {
		ToolObservation observation = observation(events("type_text", Map.of("app", "Notes")));

		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.failureKind()).isEqualTo("invalid_input");
		assertThat(observation.message()).isEqualTo("input.text is required");
	}

	@Test
	void unknownOperationIsAFailedObservationThatNamesTheDemoOperations() {
		List<ToolEvent> events = events("close_app", Map.of());

		assertThat(events).extracting(ToolEvent::type)
			.containsExactly(ToolEventType.STARTED, ToolEventType.OBSERVATION);
		assertThat(observation(events).failureKind()).isEqualTo("unsupported_operation");
		assertThat(observation(events).recoveryHint()).isEqualTo("Use one of [open_app, type_text, screenshot]");
	}

	@Test
	void commandOfAnotherToolIsRefused() {
		ToolObservation observation = this.client
			.runCommand(new ToolCommand("cmd_1", "macos.computer_use", "open_app", Map.of("app", "Notes"), null));

		assertThat(observation.failureKind()).isEqualTo("unsupported_tool");
	}

	private List<ToolEvent> events(String operation, Map<String, Object> input) {
		return this.client.runStream(new ToolCommand("cmd_1", DemoDesktopClient.TOOL, operation, input, null))
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	private static ToolObservation observation(List<ToolEvent> events) {
		return ToolEvents.finalObservation(events);
	}

}
