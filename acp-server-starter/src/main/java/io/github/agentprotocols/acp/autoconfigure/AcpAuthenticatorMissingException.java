package io.github.agentprotocols.acp.autoconfigure;

/**
 * Thrown at start-up when the application declares no
 * {@link io.github.agentprotocols.acp.AcpAuthenticator} bean;
 * {@link AcpAuthenticatorMissingFailureAnalyzer} reports what to declare.
 */
public class AcpAuthenticatorMissingException extends RuntimeException {

	public AcpAuthenticatorMissingException() {
		super("The x64acp starter needs an AcpAuthenticator bean");
	}

}
