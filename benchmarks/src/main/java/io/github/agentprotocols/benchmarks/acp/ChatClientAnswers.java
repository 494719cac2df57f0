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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.EventDraft;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.Run;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.acp.engine.AcpOperations;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.acp.test.RunResult;
import io.github.agentprotocols.testsupport.ScriptedChatModel;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.context.ApplicationContext;

/**
 * One question answered two ways on one {@link ScriptedChatModel} with one tool: by the
 * bare {@link ChatClient}'s stream (with Spring AI's {@link ToolCallingAdvisor} running
 * the tool), and by a run of a {@link ChatClientAssistant} on a client of the same model
 * and tool, registered in the ACP benchmark application (in memory, the starter's
 * operations, run executor and broadcast funnel), on a thread holding the question.
 */
final class ChatClientAnswers {

	/** Id of the assistant. */
	static final String ASSISTANT = "bench-chat";

	/** The user's question. */
	static final String QUESTION = "What is the weather in Paris?";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ScriptedChatModel model = new ScriptedChatModel();

	private final ChatClient bare;

	private final ThreadStore store;

	private final AcpOperations operations;

	private final EventTimings timings;

	/**
	 * Registers the assistant in the application.
	 * @param application the ACP benchmark application's context
	 */
	ChatClientAnswers(ApplicationContext application) {
		AnswerScript.Weather tool = new AnswerScript.Weather();
		this.bare = ChatClient.builder(this.model)
			.defaultTools(tool)
			.defaultAdvisors(ToolCallingAdvisor.builder().build())
			.build();
		application.getBean(AssistantRegistry.class)
			.register(ASSISTANT,
					ChatClientAssistant.builder(ChatClient.builder(this.model).defaultTools(tool).build()).build(),
					ChatClientAnswers.class.getSimpleName());
		this.store = application.getBean(ThreadStore.class);
		this.operations = application.getBean(AcpOperations.class);
		this.timings = application.getBean(EventTimings.class);
	}

	/**
	 * The question answered by the bare client's stream.
	 * @param script the model's answer
	 * @return the streamed text, joined
	 */
	String bare(AnswerScript script) {
		script.enqueue(this.model);
		this.model.prompts().clear();
		return this.bare.prompt().user(QUESTION).stream().content().collect(Collectors.joining()).block(WAIT);
	}

	/**
	 * A thread whose members are the user and the assistant, with the user's question.
	 * @return the thread's id
	 */
	String thread() {
		String threadId = BenchThreads.withMember(this.store, Identity.assistant(ASSISTANT, "Chat assistant"));
		this.operations
			.sendMessage(AcpBenchmarkApplication.USER, threadId,
					new EventDraft(null, List.of(new ContentPart.Text(QUESTION)), Map.of()))
			.block(WAIT);
		return threadId;
	}

	/**
	 * The question answered by a run of the assistant.
	 * @param threadId a thread from {@link #thread()}
	 * @param script the model's answer
	 * @return the run, ended
	 * @throws Exception if the run does not end in time
	 */
	Run assistant(String threadId, AnswerScript script) throws Exception {
		CompletableFuture<Run> end = this.timings.nextRunEnd(threadId);
		script.enqueue(this.model);
		this.model.prompts().clear();
		this.operations
			.invoke(AcpBenchmarkApplication.USER, threadId,
					InvocationRequest.of(List.of(ASSISTANT), AcpBenchmarkApplication.USER, null, null))
			.block(WAIT);
		return end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * An ended run with its events as stored.
	 * @param run the run
	 * @return the run and its events
	 */
	RunResult result(Run run) {
		return new RunResult(run,
				this.store.replay(run.threadId(), null, 100)
					.block(WAIT)
					.events()
					.stream()
					.filter((event) -> run.id().equals(event.runId()))
					.toList());
	}

}
