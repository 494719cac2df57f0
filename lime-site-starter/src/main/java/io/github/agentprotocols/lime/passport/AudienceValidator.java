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

	/**
	 * Create a validator.
	 * @param audience the audience the passport must name
	 */
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
