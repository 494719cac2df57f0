package io.github.agentprotocols.lime.passport;

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * A {@link PassportValidator} for the {@code iss} claim, when the site configures the
 * issuer it expects (LIME's own value is not specified, so none is checked by default).
 */
public final class IssuerValidator implements PassportValidator {

	private final String issuer;

	public IssuerValidator(String issuer) {
		this.issuer = issuer;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		if (!this.issuer.equals(claims.get("iss"))) {
			throw new InvalidPassportException("JWT issuer is not " + this.issuer + ": " + claims.get("iss"));
		}
	}

}
