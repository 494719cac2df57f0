package io.github.agentprotocols.hpp;

/**
 * Gate for user edits over HTTP ({@code POST {prefix}/notify/{sid}}): returning false or
 * throwing answers 403 {@code browser auth failed}. Runs after the built-in check that
 * binds a session to the principal that created it. Declare beans of this type; all must
 * agree.
 */
@FunctionalInterface
public interface BrowserAuth {

	/**
	 * Decides whether a browser may report a user edit.
	 * @param request the notify request
	 * @param session a copy of the session
	 * @return true to accept the edit
	 */
	boolean authorize(HandshakeRequest request, HandshakeSession session);

}
