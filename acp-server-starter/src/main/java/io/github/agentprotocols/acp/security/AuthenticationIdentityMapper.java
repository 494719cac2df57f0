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

package io.github.agentprotocols.acp.security;

import io.github.agentprotocols.acp.Identity;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;

/**
 * Maps Spring Security's authenticated principal to the x64acp {@link Identity} of the
 * caller, with the tenant the application gives it in {@code metadata.tenant}. Declared
 * as a bean to replace {@link #byName()}.
 */
@FunctionalInterface
public interface AuthenticationIdentityMapper {

	/**
	 * The identity of an authenticated principal.
	 * @param authentication the authentication, authenticated and not anonymous
	 * @return the identity, or empty to treat the request as unauthenticated
	 */
	Mono<Identity> identity(Authentication authentication);

	/**
	 * The default mapping: a user identity whose id and name are the principal's name,
	 * without tenant (so it sees public threads only).
	 * @return the mapper
	 */
	static AuthenticationIdentityMapper byName() {
		return (authentication) -> Mono.just(Identity.user(authentication.getName(), authentication.getName()));
	}

}
