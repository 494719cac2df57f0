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
