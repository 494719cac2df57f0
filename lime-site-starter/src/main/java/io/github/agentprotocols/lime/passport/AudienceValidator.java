package io.github.agentprotocols.lime.passport;

import java.util.Collection;
import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;

/**
 * A {@link PassportValidator} for the {@code aud} claim: the expected audience, as a
 * string or in an array. What keeps login passports, binding passports and MCP tokens,
 * all signed by the same keys, apart.
 */
public final class AudienceValidator implements PassportValidator {

	private final String audience;

	public AudienceValidator(String audience) {
		this.audience = audience;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		Object aud = claims.get("aud");
		boolean matches = this.audience.equals(aud)
				|| (aud instanceof Collection<?> audiences && audiences.contains(this.audience));
		if (!matches) {
			throw new InvalidPassportException("JWT audience is not " + this.audience + ": " + aud);
		}
	}

}
