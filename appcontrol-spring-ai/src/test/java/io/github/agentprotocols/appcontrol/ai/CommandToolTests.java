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

package io.github.agentprotocols.appcontrol.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.testsupport.SpringAiToolCalls;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.tool.ToolCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Command tools called as a model's tool calls are, through Spring AI's
 * {@link DefaultToolCallingManager}, on a real service host.
 */
class CommandToolTests {

	private static final String TOKEN = "0123456789abcdef-test-token";

	private final DesktopTool desktop = new DesktopTool();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final AppControlServiceHost host = AppControlServiceHost.builder(this.desktop, TOKEN)
		.observationRegistry(this.observations)
		.build();

	@AfterEach
	void closeHost() {
		this.host.close();
	}

	@Test
	void eachDeclarationIsAToolWithItsDescriptionAndInputSchema() {
		CommandToolCallbackProvider provider = provider(CommandApproval.APPROVE_ALL);
		assertThat(provider.getToolCallbacks()).extracting((tool) -> tool.getToolDefinition().name())
			.containsExactly("desktop_click", "desktop_close", "desktop_delete");
		ToolCallback click = provider.getToolCallbacks()[0];
		assertThat(click.getToolDefinition().description()).isEqualTo("Clicks a target on the screen.");
		assertThat(AppControlJson.readObject(click.getToolDefinition().inputSchema()))
			.isEqualTo(DesktopTool.DECLARATIONS.get(0).inputSchema())
			.containsEntry("required", List.of("target"));
	}

	@Test
	void aToolCallRunsTheCommandOnTheHostAndAnswersWithItsObservation() {
		Map<String, Object> observation = callOnce(provider(CommandApproval.APPROVE_ALL), "desktop_click",
				"{\"target\":\"OK button\"}");
		assertThat(observation).containsEntry("success", true)
			.containsEntry("status", "ok")
			.containsEntry("tool", "desktop")
			.containsEntry("operation", "click")
			.containsEntry("summary", "clicked OK button");
		assertThat(this.desktop.received()).singleElement()
			.satisfies((command) -> assertThat(command.input()).isEqualTo(Map.of("target", "OK button")));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("appcontrol.service.command")
			.that()
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok");
	}

	@Test
	void aFailingCommandIsAFailedObservationNotAnException() {
		Map<String, Object> observation = callOnce(provider(CommandApproval.APPROVE_ALL), "desktop_close", "{}");
		assertThat(observation).containsEntry("success", false).containsEntry("status", "failed");
		assertThat(observation.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("failureKind", "execution_failed")
			.containsEntry("message", "the window is gone");
	}

	@Test
	void inputTheHostRefusesIsAFailedObservationAndNothingRuns() {
		ToolObservation notAnObject = tool(CommandApproval.APPROVE_ALL, 0).run("[1, 2]", CommandCaller.NONE);
		assertThat(notAnObject.success()).isFalse();
		assertThat(notAnObject.error().failureKind()).isEqualTo("invalid_request");
		ToolObservation unpaired = tool(CommandApproval.APPROVE_ALL, 0).run("{\"target\":\"\\ud800\"}",
				CommandCaller.NONE);
		assertThat(unpaired.success()).isFalse();
		assertThat(this.desktop.received()).isEmpty();
	}

	@Test
	void eachEventOfTheRunningCommandButTheLastReachesTheCaller() {
		RecordingCaller caller = new RecordingCaller(null);
		ToolObservation observation = tool(CommandApproval.APPROVE_ALL, 0).run("{\"target\":\"OK\"}", caller);
		assertThat(observation.success()).isTrue();
		assertThat(caller.events).extracting(ToolEvent::summary).containsSubsequence("moving the pointer", "clicking");
		assertThat(caller.events)
			.allSatisfy((event) -> assertThat(event.commandId()).isEqualTo(observation.commandId()));
	}

	@Test
	void aDeniedCommandDoesNotRunAndTheAgentIsToldWhy() {
		CommandApproval approval = (command) -> command.operation().equals("close")
				? CommandDecision.deny("closing windows is not allowed") : CommandDecision.approve();
		ToolObservation observation = tool(approval, 1).run("{}", CommandCaller.NONE);
		assertThat(observation.status()).isEqualTo(ToolStatus.PERMISSION_MISSING);
		assertThat(observation.error().failureKind()).isEqualTo("command_denied");
		assertThat(observation.error().message()).isEqualTo("denied: closing windows is not allowed");
		assertThat(this.desktop.received()).isEmpty();
	}

	@Test
	void askingRunsTheCommandOnlyWhenAHumanAccepts() {
		CommandApproval approval = (command) -> CommandDecision.ask("Click " + command.input().get("target") + "?");
		RecordingCaller accepting = new RecordingCaller(true);
		assertThat(tool(approval, 0).run("{\"target\":\"Delete\"}", accepting).success()).isTrue();
		assertThat(accepting.questions).containsExactly("Click Delete?");
		ToolObservation declined = tool(approval, 0).run("{\"target\":\"Delete\"}", new RecordingCaller(false));
		assertThat(declined.error().message()).isEqualTo("a human declined: Click Delete?");
		ToolObservation cannotAsk = tool(approval, 0).run("{\"target\":\"Delete\"}", CommandCaller.NONE);
		assertThat(cannotAsk.status()).isEqualTo(ToolStatus.PERMISSION_MISSING);
		assertThat(cannotAsk.error().message()).contains("needs a human's approval (Click Delete?)")
			.contains("cannot ask");
		assertThat(this.desktop.received()).hasSize(1);
	}

	@Test
	void aFailingApprovalOrCallerIsATextForTheAgentNotAnException() {
		CommandApproval broken = (command) -> {
			throw new IllegalStateException("policy store unreachable");
		};
		ToolObservation unapproved = tool(broken, 0).run("{\"target\":\"OK\"}", CommandCaller.NONE);
		assertThat(unapproved.status()).isEqualTo(ToolStatus.PERMISSION_MISSING);
		assertThat(unapproved.error().message()).contains("the approval failed").contains("policy store unreachable");
		CommandCaller gone = new CommandCaller() {

			@Override
			public Boolean ask(String question) {
				throw new IllegalStateException("elicitation timed out");
			}

			@Override
			public void progress(ToolEvent event) {
				throw new IllegalStateException("the client is gone");
			}

		};
		ToolObservation unasked = tool((command) -> CommandDecision.ask("Click?"), 0).run("{\"target\":\"OK\"}", gone);
		assertThat(unasked.error().message()).isEqualTo("asking a human failed (elicitation timed out): Click?");
		assertThat(this.desktop.received()).isEmpty();
		assertThat(tool(CommandApproval.APPROVE_ALL, 0).run("{\"target\":\"OK\"}", gone).success()).isTrue();
	}

	@Test
	void twoDeclarationsWithOneNameAreRefused() {
		CommandTool click = tool(CommandApproval.APPROVE_ALL, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> new CommandToolCallbackProvider(List.of(click, click)))
			.withMessageContaining("'desktop_click'");
	}

	@Test
	void aDeclarationNeedsAToolNameAndAnObjectSchema() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandDeclaration.of("desktop", "click", "Clicks.", "{\"type\":\"string\"}"))
			.withMessageContaining("object schema");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new CommandDeclaration("desktop.click", "desktop", "click", "Clicks.", Map.of("type", "object")))
			.withMessageContaining("letters, digits");
		assertThat(CommandDeclaration.of("macos.computer_use", "readiness", "Ready?", "{\"type\":\"object\"}").name())
			.isEqualTo("macos_computer_use_readiness");
	}

	private Map<String, Object> callOnce(CommandToolCallbackProvider provider, String name, String arguments) {
		return AppControlJson.readObject(SpringAiToolCalls.callOnce(provider.getToolCallbacks(), name, arguments));
	}

	private CommandToolCallbackProvider provider(CommandApproval approval) {
		List<CommandTool> tools = new ArrayList<>();
		for (int i = 0; i < DesktopTool.DECLARATIONS.size(); i++) {
			tools.add(tool(approval, i));
		}
		return new CommandToolCallbackProvider(tools);
	}

	private CommandTool tool(CommandApproval approval, int index) {
		return new CommandTool(DesktopTool.DECLARATIONS.get(index), this.host, TOKEN, approval,
				(context) -> CommandCaller.NONE);
	}

	private static final class RecordingCaller implements CommandCaller {

		private final @Nullable Boolean answer;

		private final List<String> questions = new CopyOnWriteArrayList<>();

		private final List<ToolEvent> events = new CopyOnWriteArrayList<>();

		RecordingCaller(@Nullable Boolean answer) {
			this.answer = answer;
		}

		@Override
		public @Nullable Boolean ask(String question) {
			this.questions.add(question);
			return this.answer;
		}

		@Override
		public void progress(ToolEvent event) {
			this.events.add(event);
		}

	}

}
