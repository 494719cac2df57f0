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

package io.github.agentprotocols.happy.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.testsupport.SpringAiToolCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.model.tool.DefaultToolCallingManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Happy tools called as a chat model's tool calls, through a real
 * {@link DefaultToolCallingManager}, on the fake Happy server and daemon.
 */
class HappyToolsTests {

	@RegisterExtension
	static final FakeHappyServerExtension fakeServer = new FakeHappyServerExtension();

	private FakeHappyDaemon daemon;

	private HappyClient happy;

	private HappyToolCallbackProvider tools;

	@BeforeEach
	void start(HappyTestAccount account) {
		this.daemon = FakeHappyDaemon.start(account);
		this.happy = HappyClient.create(account.credentials());
		this.tools = HappyToolCallbackProvider.of(this.happy, Duration.ofSeconds(3));
	}

	@AfterEach
	void close() {
		this.happy.close();
		this.daemon.close();
	}

	@Test
	void startedTaskIsWatchedUntilItsTurnCompletesThenStopped() {
		CompletableFuture<Void> cue = new CompletableFuture<>();
		this.daemon.answerOnCue(cue);
		Map<String, Object> started = call("happy_start",
				"{\"machine\": \"" + this.daemon.machineId() + "\", \"directory\": \"/work\", \"prompt\": \"Fix it\"}");
		assertThat(started).containsEntry("ok", true).containsEntry("state", "working");
		String sessionId = (String) started.get("sessionId");
		assertThat(this.daemon.runningSessions()).containsExactly(sessionId);
		String status = "{\"sessionId\": \"" + sessionId + "\"}";
		assertThat(call("happy_status", status)).containsEntry("state", "working")
			.containsEntry("turnCompleted", false);
		cue.complete(null);
		Map<String, Object> completed = call("happy_status", status);
		assertThat(completed).containsEntry("ok", true)
			.containsEntry("state", "turn-completed")
			.containsEntry("turnCompleted", true);
		assertThat(texts(completed)).contains("Fix it", "Echo: Fix it");
		assertThat(call("happy_stop", status)).containsEntry("ok", true).containsEntry("state", "ended");
		assertThat(this.daemon.runningSessions()).isEmpty();
		assertThat(call("happy_status", status)).containsEntry("ok", true)
			.containsEntry("state", "ended")
			.doesNotContainKey("turnCompleted");
	}

	@Test
	void runWaitsForTheTurnTellsEachMessageAndStopsTheSession() {
		List<Message> told = new CopyOnWriteArrayList<>();
		HappyTool run = tool("happy_run");
		HappyToolResult result = run.run("{\"machine\": \"fake-host\", \"directory\": \"/work\", \"prompt\": \"Hi\"}",
				(TaskProgress) told::add);
		assertThat(result.ok()).isTrue();
		assertThat(result.fields()).containsEntry("state", "ended").containsEntry("turnCompleted", true);
		assertThat(told).extracting(MessageView::text).contains("Hi", "Echo: Hi");
		assertThat(this.daemon.runningSessions()).isEmpty();
		Map<String, Object> answered = call("happy_run",
				"{\"machine\": \"fake-host\", \"directory\": \"/work\", \"prompt\": \"Again\", \"agent\": \"codex\"}");
		assertThat(answered).containsEntry("ok", true);
		assertThat(texts(answered)).contains("Echo: Again");
	}

	@Test
	void runPastItsTimeoutSaysSoAndStopsTheSession() {
		this.daemon.answerOnCue(new CompletableFuture<>());
		Map<String, Object> result = call("happy_run",
				"{\"machine\": \"" + this.daemon.machineId() + "\", \"directory\": \"/work\", \"prompt\": \"Slow\"}");
		assertThat(result).containsEntry("ok", false)
			.containsEntry("error", "the agent did not complete its turn within 3 s; the session was stopped")
			.containsKey("sessionId");
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	@Test
	void failuresAreResultsThatSaySo() {
		assertThat(call("happy_start", "{\"machine\": \"elsewhere\", \"directory\": \"/work\", \"prompt\": \"Hi\"}"))
			.containsEntry("ok", false)
			.containsEntry("error",
					"unknown machine 'elsewhere'; the account's machines: " + this.daemon.machineId() + " (fake-host)");
		assertThat(call("happy_start", "{\"machine\": \"fake-host\", \"directory\": \"/work\"}")).containsEntry("error",
				"missing argument 'prompt'");
		assertThat(call("happy_run",
				"{\"machine\": \"fake-host\", \"directory\": \"/work\", \"prompt\": \"Hi\", \"agent\": \"hal\"}"))
			.containsEntry("ok", false)
			.extractingByKey("error")
			.asString()
			.startsWith("Unknown agent 'hal'");
		assertThat(call("happy_status", "{\"sessionId\": \"no-such-session\"}")).containsEntry("ok", false)
			.extractingByKey("error")
			.asString()
			.contains("no-such-session");
		assertThat(call("happy_stop", "{\"sessionId\": \"no-such-session\"}")).containsEntry("ok", false);
		assertThat(tool("happy_stop").call("[\"not\", \"an object\"]")).contains("\"ok\":false")
			.contains("the arguments must be a JSON object");
		// the blocking client refuses a non-blocking thread, as in a WebFlux handler
		String fromEventLoop = Mono
			.fromCallable(() -> tool("happy_status").call("{\"sessionId\": \"no-such-session\"}"))
			.subscribeOn(Schedulers.parallel())
			.block();
		assertThat(HappyJson.read(fromEventLoop, Map.class)).containsEntry("ok", false)
			.extractingByKey("error")
			.asString()
			.startsWith("the tool failed: java.lang.IllegalStateException");
		assertThat(this.daemon.runningSessions()).isEmpty();
	}

	private HappyTool tool(String name) {
		return this.tools.getTools()
			.stream()
			.filter((tool) -> tool.getToolDefinition().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<String> texts(Map<String, Object> result) {
		return ((List<Map<String, Object>>) result.get("messages")).stream()
			.map((message) -> (String) message.get("text"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> call(String name, String arguments) {
		return HappyJson.read(SpringAiToolCalls.callOnce(this.tools.getToolCallbacks(), name, arguments), Map.class);
	}

}
