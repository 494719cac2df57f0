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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.TaskProgress;
import io.github.agentprotocols.happy.core.HappyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code happy_run}: runs a task as {@link HappyClient#runTask} does (spawn, send, wait
 * for the turn up to a deadline, stop), telling the caller each message as it arrives,
 * and answers the session's last messages.
 */
public final class HappyRunTool extends HappyTool {

	private static final Logger logger = LoggerFactory.getLogger(HappyRunTool.class);

	private final Duration timeout;

	/**
	 * A tool.
	 * @param happy the client it works through
	 * @param timeout the deadline of the task's turn ({@code happy.ai.run-timeout})
	 */
	public HappyRunTool(HappyClient happy, Duration timeout) {
		super("happy_run", "Runs a task on one of the user's machines (Happy) and waits, up to " + timeout.toSeconds()
				+ " s, for the coding agent to complete its turn; the session is stopped afterwards. Answers the "
				+ "session's last messages. For longer tasks use happy_start.", HappyStartTool.TASK_SCHEMA, happy);
		this.timeout = timeout;
	}

	@Override
	protected HappyToolResult run(ToolArguments arguments, TaskProgress progress) {
		String prompt = arguments.text("prompt");
		String directory = arguments.text("directory");
		String machineId = MachineLookup.id(this.happy, arguments.text("machine"));
		AtomicReference<@Nullable String> sessionId = new AtomicReference<>();
		List<Message> messages = new CopyOnWriteArrayList<>();
		TaskProgress told = new TaskProgress() {

			@Override
			public void spawned(String id) {
				sessionId.set(id);
			}

			@Override
			public void message(Message message) {
				messages.add(message);
				tell(progress, message);
			}

		};
		Map<String, Object> fields = new LinkedHashMap<>();
		try {
			fields.put("sessionId",
					this.happy.runTask(machineId, directory, prompt, arguments.agent(), this.timeout, told));
		}
		catch (HappyException ex) {
			String error = (ex instanceof HappyTimeoutException)
					? "the agent did not complete its turn within " + this.timeout.toSeconds() + " s"
					: String.valueOf(ex.getMessage());
			String id = sessionId.get();
			if (id != null) {
				fields.put("sessionId", id);
				fields.put("messages", MessageView.last(messages, HappyStatusTool.LAST_MESSAGES));
				error += "; the session was stopped";
			}
			return HappyToolResult.failure(error, fields);
		}
		fields.put("state", "ended");
		fields.put("turnCompleted", true);
		fields.put("messages", MessageView.last(messages, HappyStatusTool.LAST_MESSAGES));
		return HappyToolResult.success(fields);
	}

	/**
	 * Tells the caller of a message; a caller that cannot be told (gone, say) does not
	 * stop the task.
	 */
	private static void tell(TaskProgress progress, Message message) {
		try {
			progress.message(message);
		}
		catch (RuntimeException ex) {
			logger.debug("Progress of message {} not delivered: {}", message.seq(), ex.toString());
		}
	}

}
