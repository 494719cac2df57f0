package io.github.agentprotocols.acp.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the application declares no
 * {@code AcpAuthenticator}.
 */
class AcpAuthenticatorMissingFailureAnalyzer extends AbstractFailureAnalyzer<AcpAuthenticatorMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AcpAuthenticatorMissingException cause) {
		return new FailureAnalysis(
				"The x64acp starter needs to know who makes each request, but the application declares no"
						+ " io.github.agentprotocols.acp.AcpAuthenticator bean.",
				"Declare a bean of type io.github.agentprotocols.acp.AcpAuthenticator that maps a request's"
						+ " HandshakeData (headers, query, Socket.IO auth) to an Identity, or to an empty Mono when"
						+ " the request is not authenticated. With Spring Security's WebFlux support enabled, the"
						+ " starter takes the identity from the authenticated principal instead. Or set"
						+ " acp.enabled=false to turn the starter off.",
				cause);
	}

}
