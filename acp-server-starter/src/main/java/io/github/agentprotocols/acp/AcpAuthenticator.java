package io.github.agentprotocols.acp;

import reactor.core.publisher.Mono;

/**
 * Tells who makes a request (spec §3.2): called on every REST request and once per
 * Socket.IO namespace connect. The application declares exactly one as a bean; the
 * starter does not start without it.
 * <p>
 * Empty means unauthenticated (REST 401 {@code unauthenticated}); an error means the
 * authenticator itself failed (REST 500 {@code internal_error}), so an infrastructure
 * failure never looks like bad credentials.
 */
@FunctionalInterface
public interface AcpAuthenticator {

	/**
	 * Authenticates a request.
	 * @param handshake the request's headers, auth object and query
	 * @return the caller's identity, or empty when the request is not authenticated
	 */
	Mono<Identity> authenticate(HandshakeData handshake);

}
