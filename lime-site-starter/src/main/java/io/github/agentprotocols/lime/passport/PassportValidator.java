package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * One check of a passport's claims, run once its signature is verified. Compose several
 * with {@link DelegatingPassportValidator}.
 */
@FunctionalInterface
public interface PassportValidator {

	/**
	 * Check the claims.
	 * @param claims the claims of a signed passport, as JSON values
	 * @throws InvalidPassportException when the check fails
	 */
	void validate(Map<String, Object> claims);

}
