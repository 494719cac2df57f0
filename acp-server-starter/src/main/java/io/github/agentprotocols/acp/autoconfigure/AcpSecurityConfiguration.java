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
