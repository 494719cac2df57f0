package io.github.agentprotocols.acp.socketio;

import io.github.agentprotocols.acp.Identity;

/**
 * The namespace check of a Socket.IO connect (spec §5.2 step 3, §5.3), made after the
 * caller was authenticated. Without one, only the namespace {@code /} is served and a
 * connect to any other is refused as the Node.js server refuses an unknown namespace
 * ({@code {"message": "Invalid namespace"}}); with one (namespace mode), a connect to any
 * namespace path is checked and, once it passes, the namespace is created if it does not
 * exist yet.
 */
@FunctionalInterface
public interface NamespaceConnectCheck {

	/**
	 * Checks that an identity may connect to a namespace.
	 * @param namespacePath the namespace's path, {@code /} for the main namespace
	 * @param identity the authenticated caller
	 * @throws io.github.agentprotocols.acp.AcpException {@code namespace_invalid} or
	 * {@code namespace_mismatch}, whose message becomes the refusal's detail
	 */
	void check(String namespacePath, Identity identity);

}
