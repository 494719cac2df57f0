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
