package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;

/**
 * Thrown at start-up when the application declares no
 * {@link io.github.agentprotocols.acp.AcpAuthenticator} bean;
 * {@link AcpAuthenticatorMissingFailureAnalyzer} reports what to declare.
 */
public class AcpAuthenticatorMissingException extends AcpException {

	public AcpAuthenticatorMissingException() {
		super(AcpErrorCode.INTERNAL_ERROR, "The x64acp starter needs an AcpAuthenticator bean");
	}

}
