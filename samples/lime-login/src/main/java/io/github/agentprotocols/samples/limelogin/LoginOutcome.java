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

package io.github.agentprotocols.samples.limelogin;

import org.jspecify.annotations.Nullable;

/**
 * How a login request ended, as pushed to the page: the SSE event name is the
 * {@code state}.
 *
 * @param state {@code logged-in}, {@code refused} or {@code expired}
 * @param agentId the agent that logged in, from the verified passport
 * @param reason why the passport was refused
 */
public record LoginOutcome(String state, @Nullable String agentId, @Nullable String reason) {

	static LoginOutcome loggedIn(String agentId) {
		return new LoginOutcome("logged-in", agentId, null);
	}

	static LoginOutcome refused(String reason) {
		return new LoginOutcome("refused", null, reason);
	}

	static LoginOutcome expired() {
		return new LoginOutcome("expired", null, null);
	}

}
