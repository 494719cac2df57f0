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

package io.github.agentprotocols.acp.ai.autoconfigure;

import io.github.agentprotocols.acp.ai.ChatClientAssistant;
import io.github.agentprotocols.acp.ai.TextCoalescing;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the ACP assistant on Spring AI ({@code acp.ai.*}).
 */
@ConfigurationProperties("acp.ai")
public class AcpSpringAiProperties {

	/**
	 * Id of the assistant that answers with the application's ChatClient. Setting it
	 * registers the assistant; unset, nothing is registered.
	 */
	private @Nullable String assistantId;

	/**
	 * System text the assistant's ChatClient sends before the thread's history.
	 */
	private @Nullable String system;

	/**
	 * How many of the thread's latest events (of every type) are read for the model's
	 * history.
	 */
	private int historyWindow = ChatClientAssistant.DEFAULT_HISTORY_WINDOW;

	/**
	 * Whether the thread is the model's memory: false sends only the events after the
	 * assistant's last message, for a ChatClient whose ChatMemory advisor keeps the
	 * conversation.
	 */
	private boolean threadHistory = true;

	/**
	 * How the model's streamed text becomes message events: 'per-turn' writes one message
	 * per model turn that wrote text (the text before tool calls, and the answer);
	 * 'final-answer' writes the answer only and the text before tool calls as reasoning.
	 */
	private TextCoalescing textCoalescing = TextCoalescing.PER_TURN;

	/**
	 * Return the id of the assistant that answers with the application's ChatClient
	 * ({@code acp.ai.assistant-id}).
	 * @return the configured value, or {@code null}
	 */
	public @Nullable String getAssistantId() {
		return this.assistantId;
	}

	/**
	 * Set the id of the assistant ({@code acp.ai.assistant-id}).
	 * @param assistantId the value to set
	 */
	public void setAssistantId(@Nullable String assistantId) {
		this.assistantId = assistantId;
	}

	/**
	 * Return the system text the assistant's ChatClient sends first
	 * ({@code acp.ai.system}).
	 * @return the configured value, or {@code null}
	 */
	public @Nullable String getSystem() {
		return this.system;
	}

	/**
	 * Set the system text ({@code acp.ai.system}).
	 * @param system the value to set
	 */
	public void setSystem(@Nullable String system) {
		this.system = system;
	}

	/**
	 * Return how many of the thread's latest events are read for the history
	 * ({@code acp.ai.history-window}).
	 * @return the configured value
	 */
	public int getHistoryWindow() {
		return this.historyWindow;
	}

	/**
	 * Set the history window ({@code acp.ai.history-window}).
	 * @param historyWindow the value to set
	 */
	public void setHistoryWindow(int historyWindow) {
		this.historyWindow = historyWindow;
	}

	/**
	 * Return whether the thread is the model's memory ({@code acp.ai.thread-history}).
	 * @return the configured value
	 */
	public boolean isThreadHistory() {
		return this.threadHistory;
	}

	/**
	 * Set whether the thread is the model's memory ({@code acp.ai.thread-history}).
	 * @param threadHistory the value to set
	 */
	public void setThreadHistory(boolean threadHistory) {
		this.threadHistory = threadHistory;
	}

	/**
	 * Return how the streamed text becomes message events
	 * ({@code acp.ai.text-coalescing}).
	 * @return the configured value
	 */
	public TextCoalescing getTextCoalescing() {
		return this.textCoalescing;
	}

	/**
	 * Set how the streamed text becomes message events ({@code acp.ai.text-coalescing}).
	 * @param textCoalescing the value to set
	 */
	public void setTextCoalescing(TextCoalescing textCoalescing) {
		this.textCoalescing = textCoalescing;
	}

}
