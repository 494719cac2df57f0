/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.agentprotocols.lime.passport;

import java.util.List;
import java.util.Map;

/**
 * A {@link PassportValidator} that runs several others in order and stops at the first
 * failure.
 */
public final class DelegatingPassportValidator implements PassportValidator {

	private final List<PassportValidator> validators;

	/**
	 * Create a validator that runs the given ones in order.
	 * @param validators the validators
	 */
	public DelegatingPassportValidator(List<PassportValidator> validators) {
		this.validators = List.copyOf(validators);
	}

	/**
	 * Create a validator that runs the given ones in order.
	 * @param validators the validators
	 */
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
