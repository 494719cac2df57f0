package io.github.agentprotocols.lime.passport;

import java.util.List;
import java.util.Map;

/**
 * A {@link PassportValidator} that runs several others in order and stops at the first
 * failure.
 */
public final class DelegatingPassportValidator implements PassportValidator {

	private final List<PassportValidator> validators;

	public DelegatingPassportValidator(List<PassportValidator> validators) {
		this.validators = List.copyOf(validators);
	}

	public DelegatingPassportValidator(PassportValidator... validators) {
		this(List.of(validators));
	}

	@Override
	public void validate(Map<String, Object> claims) {
		for (PassportValidator validator : this.validators) {
			validator.validate(claims);
		}
	}

}
