package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

/**
 * Demo-only ACP authenticator: the caller is the user named by the {@code X-Demo-User}
 * header on REST and by {@code auth.user} on Socket.IO, and {@code guest} without one. A
 * real application authenticates callers, for example through Spring Security (the
 * starter adapts the authenticated principal when no authenticator bean is declared).
 */
class DemoAcpAuthenticator implements AcpAuthenticator {

	static final String USER_HEADER = "X-Demo-User";

	static final String AUTH_USER = "user";

	@Override
	public Mono<Identity> authenticate(HandshakeData handshake) {
		Object user = HandshakeData.SOCKET_IO.equals(handshake.transport()) ? handshake.auth().get(AUTH_USER)
				: handshake.header(USER_HEADER);
		String id = (user instanceof String name && !name.isBlank()) ? name.strip() : "guest";
		return Mono.just(Identity.user(id, id));
	}

}
