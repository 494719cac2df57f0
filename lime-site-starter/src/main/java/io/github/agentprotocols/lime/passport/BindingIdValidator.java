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

import java.util.Map;

import io.github.agentprotocols.lime.InvalidPassportException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PassportValidator} for the {@code binding_id} claim of a binding passport: a
 * non-blank string (LIME 2.0), and equal to the expected binding id when one is given
 * (LIME 1.2.0).
 */
public final class BindingIdValidator implements PassportValidator {

	private final @Nullable String expectedBindingId;

	/**
	 * Create a validator.
	 * @param expectedBindingId the binding id the passport must carry, or {@code null} to
	 * require only a non-blank one
	 */
	public BindingIdValidator(@Nullable String expectedBindingId) {
		this.expectedBindingId = (expectedBindingId != null) ? expectedBindingId.trim() : null;
	}

	@Override
	public void validate(Map<String, Object> claims) {
		if (!(claims.get("binding_id") instanceof String bindingId) || bindingId.isBlank()) {
			throw new InvalidPassportException("JWT missing binding_id claim");
		}
		if (this.expectedBindingId != null && !this.expectedBindingId.equals(bindingId)) {
			throw new InvalidPassportException("JWT binding_id does not match the binding request");
		}
	}

}
