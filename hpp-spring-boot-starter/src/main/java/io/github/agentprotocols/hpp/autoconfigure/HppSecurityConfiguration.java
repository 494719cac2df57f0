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

package io.github.agentprotocols.hpp.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Spring Security support: every security filter chain of the application lets the agent
 * endpoints (context, action, diff, extend) and the WebSocket channel through without
 * login and without CSRF protection, because the handshake token is their credential; the
 * browser client's module is public too. Session creation and user edits over HTTP stay
 * under the application's own rules.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ServerHttpSecurity.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class HppSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hppServerHttpSecurityCustomizer")
	Customizer<ServerHttpSecurity> hppServerHttpSecurityCustomizer(HppProperties properties) {
		ServerWebExchangeMatcher tokenAuthenticated = tokenAuthenticated(properties);
		ServerWebExchangeMatcher open = properties.getBrowserClient().isEnabled()
				? new OrServerWebExchangeMatcher(tokenAuthenticated, ServerWebExchangeMatchers
					.pathMatchers(HttpMethod.GET, new HppPropertiesMapper(properties).browserClientPath()))
				: tokenAuthenticated;
		return (http) -> http.authorizeExchange((exchanges) -> exchanges.matchers(open).permitAll())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
					CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(tokenAuthenticated))));
	}

	static ServerWebExchangeMatcher tokenAuthenticated(HppProperties properties) {
		HppPropertiesMapper mapper = new HppPropertiesMapper(properties);
		String prefix = mapper.prefix();
		String wsPrefix = mapper.webSocketPrefix();
		return new OrServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, prefix + "/context/*", prefix + "/diff/*",
						wsPrefix + "/*"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, prefix + "/action/*",
						prefix + "/session/*/extend"));
	}

}
