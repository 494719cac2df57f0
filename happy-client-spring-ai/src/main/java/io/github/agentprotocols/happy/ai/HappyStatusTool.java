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
import java.util.Map;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.HappyTimeoutException;
import io.github.agentprotocols.happy.Session;
import io.github.agentprotocols.happy.SessionArchivedException;
import io.github.agentprotocols.happy.TaskProgress;
import org.jspecify.annotations.Nullable;

/**
 * {@code happy_status}: a session's state ({@code working}, {@code turn-completed} or
 * {@code ended}), whether its turn completed, and its last messages.
 */
public final class HappyStatusTool extends HappyTool {

	static final int LAST_MESSAGES = 10;

	private static final Duration TURN_CHECK = Duration.ofSeconds(1);

	/**
	 * A tool.
	 * @param happy the client it works through
	 */
	public HappyStatusTool(HappyClient happy) {
		super("happy_status",
				"Tells a Happy session's state (working, turn-completed or ended), whether the agent completed its "
						+ "turn, and its last " + LAST_MESSAGES + " messages.",
				SESSION_ONLY, happy);
	}

	@Override
	protected HappyToolResult run(ToolArguments arguments, TaskProgress progress) {
		String sessionId = arguments.text("sessionId");
		Session session = this.happy.getSession(sessionId);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("sessionId", sessionId);
		if (!session.active() || "archived".equals(session.metadata().get("lifecycleState"))) {
			fields.put("state", "ended");
		}
		else {
			Boolean completed = turnCompleted(sessionId);
			fields.put("state", (completed == null) ? "ended" : (completed ? "turn-completed" : "working"));
			if (completed != null) {
				fields.put("turnCompleted", completed);
			}
		}
		fields.put("messages", MessageView.last(this.happy.getMessages(sessionId), LAST_MESSAGES));
		return HappyToolResult.success(fields);
	}

	/**
	 * Whether the turn of the session's newest prompt completed, or null if the session
	 * ended.
	 */
	private @Nullable Boolean turnCompleted(String sessionId) {
		try {
			this.happy.waitForTurnCompletion(sessionId, TURN_CHECK);
			return true;
		}
		catch (HappyTimeoutException ex) {
			return false;
		}
		catch (SessionArchivedException ex) {
			return null;
		}
	}

}
