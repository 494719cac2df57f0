package io.github.agentprotocols.samples.showcase;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

/**
 * Demo-only ACP authenticator: the caller is the user named by the {@code X-Demo-User}
 * header, and {@code guest} without one. A real application authenticates callers, for
 * example through Spring Security (the starter adapts the authenticated principal when no
 * authenticator bean is declared).
 */
class DemoAcpAuthenticator implements AcpAuthenticator {

	static final String USER_HEADER = "X-Demo-User";

	@Override
	public Mono<Identity> authenticate(HandshakeData handshake) {
		String user = handshake.header(USER_HEADER);
		String id = (user != null && !user.isBlank()) ? user.strip() : "guest";
		return Mono.just(Identity.user(id, id));
	}

}
