package io.github.agentprotocols.hpp;

/**
 * Called for every new session after it is built and before it is stored; may set its
 * {@link HandshakeSession#setOwner owner} or {@link HandshakeSession#setMeta meta}.
 * Throwing refuses the session with 403 and the exception's message; later hooks are
 * skipped. Declare beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface CreateSessionHook {

	/**
	 * Inspects or adjusts a new session.
	 * @param session the session about to be stored
	 * @param request the create request
	 */
	void onCreateSession(HandshakeSession session, HandshakeRequest request);

}
