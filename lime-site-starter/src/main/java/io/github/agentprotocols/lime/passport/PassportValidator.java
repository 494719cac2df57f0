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
