package io.github.agentprotocols.hpp;

import org.jspecify.annotations.Nullable;

/**
 * Builds the handshake prompt a user pastes to the agent. Whatever the wording, the
 * prompt must start its credentials with the lines {@code - sessionId: },
 * {@code - token: } and {@code - baseUrl: }, which agents parse. Declare a bean of this
 * type to replace the default.
 */
@FunctionalInterface
public interface PromptBuilder {

	/**
	 * Builds a prompt.
	 * @param session the session
	 * @param baseUrl the URL the agent reaches the application at
	 * @param instructions task instructions to include, or null
	 * @param expiresIn the session's remaining seconds
	 * @return the prompt text
	 */
	String build(HandshakeSession session, String baseUrl, @Nullable String instructions, long expiresIn);

}
