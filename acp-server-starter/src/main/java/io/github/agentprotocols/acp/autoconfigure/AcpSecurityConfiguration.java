package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.security.AuthenticationIdentityMapper;
import io.github.agentprotocols.acp.security.SecurityContextAuthenticator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security support: when the application runs Spring Security's WebFlux filter
 * chain and declares no {@link AcpAuthenticator}, the caller's identity is taken from the
 * authenticated principal, mapped by the application's
 * {@link AuthenticationIdentityMapper} or {@link AuthenticationIdentityMapper#byName()}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.security.core.context.ReactiveSecurityContextHolder",
		"org.springframework.security.web.server.WebFilterChainProxy" })
@ConditionalOnBean(type = "org.springframework.security.web.server.WebFilterChainProxy")
class AcpSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean(AcpAuthenticator.class)
	SecurityContextAuthenticator acpAuthenticator(ObjectProvider<AuthenticationIdentityMapper> mapper) {
		return new SecurityContextAuthenticator(mapper.getIfAvailable(AuthenticationIdentityMapper::byName));
	}

}
