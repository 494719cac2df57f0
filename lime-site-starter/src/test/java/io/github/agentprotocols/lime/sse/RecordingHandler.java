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

package io.github.agentprotocols.lime.sse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.lime.LimeLoginHandler;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LimeLoginHandler} that records its calls as {@code "<requestId> <passport>"}.
 */
final class RecordingHandler implements LimeLoginHandler {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@Override
	public void onLogin(String requestId, @Nullable String passportJwt) {
		this.calls.add(requestId + " " + passportJwt);
	}

	List<String> calls() {
		return this.calls;
	}

	/**
	 * The calls for one request id, once there is at least one.
	 */
	List<String> awaitCalls(String requestId) {
		LimeEventDispatcherTests.waiting().until(() -> !callsFor(requestId).isEmpty());
		return callsFor(requestId);
	}

	List<String> callsFor(String requestId) {
		return this.calls.stream().filter((call) -> call.startsWith(requestId + " ")).toList();
	}

}
