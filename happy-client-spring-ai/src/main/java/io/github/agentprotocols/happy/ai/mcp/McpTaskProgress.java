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

package io.github.agentprotocols.happy.ai.mcp;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.ai.MessageView;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

/**
 * Sends each message of a task's session to the MCP client as a progress notification
 * (its text as the message, the count so far as the progress) when the call carried a
 * progress token.
 */
public final class McpTaskProgress implements TaskProgress {

	private final McpSyncServerExchange exchange;

	private final @Nullable Object progressToken;

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * A progress.
	 * @param exchange the call's exchange
	 * @param progressToken the call's progress token, or null if it has none
	 */
	public McpTaskProgress(McpSyncServerExchange exchange, @Nullable Object progressToken) {
		this.exchange = exchange;
		this.progressToken = progressToken;
	}

	@Override
	public void message(Message message) {
		if (this.progressToken != null) {
			this.exchange.progressNotification(new McpSchema.ProgressNotification(this.progressToken,
					(double) this.count.incrementAndGet(), null, message.role() + ": " + MessageView.text(message)));
		}
	}

}
