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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpSocketIoAutoConfiguration;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.FilteringWebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own Spring Security chain keeps the Engine.IO paths exempt from CSRF
 * protection, and only them, whatever it sets on CSRF: a token repository, or a CSRF
 * matcher of its own. Authenticated POSTs without CSRF token go through the application's
 * web filters, the starter's and Spring Security's real chain, in their order.
 */
class SocketIoCsrfExemptionTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
				AcpRunsAutoConfiguration.class, AcpSocketIoAutoConfiguration.class))
		.withUserConfiguration(Alice.class)
		.withPropertyValues("acp.socketio.additional-paths=/acp/ws");

	@Test
	void chainWithATokenRepositoryOfItsOwnKeepsTheExemption() {
		this.runner.withUserConfiguration(TokenRepositoryOfItsOwn.class).run((context) -> {
			assertThat(post(context, "/socket.io/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/ws/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/threads")).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(post(context, "/socket.iox/")).isEqualTo(HttpStatus.FORBIDDEN);
		});
	}

	@Test
	void chainWithACsrfMatcherOfItsOwnKeepsTheExemption() {
		this.runner.withUserConfiguration(CsrfMatcherOfItsOwn.class).run((context) -> {
			assertThat(post(context, "/socket.io/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/ws/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/webhooks/payments")).isEqualTo("passed");
			assertThat(post(context, "/acp/threads")).isEqualTo(HttpStatus.FORBIDDEN);
		});
	}

	/**
	 * Sends an authenticated POST without CSRF token through the application's web
	 * filters, in their order, as the web server would.
	 * @return {@code "passed"} when it went through, else the status it was refused with
	 */
	private static Object post(ApplicationContext context, String path) {
		String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post(path).header(HttpHeaders.AUTHORIZATION, "Basic " + basic));
		AtomicBoolean passed = new AtomicBoolean();
		List<WebFilter> filters = context.getBeanProvider(WebFilter.class).orderedStream().toList();
		new FilteringWebHandler((filtered) -> Mono.fromRunnable(() -> passed.set(true)), filters).handle(exchange)
			.block(Duration.ofSeconds(30));
		return passed.get() ? "passed" : exchange.getResponse().getStatusCode();
	}

	/**
	 * The application's chain: every exchange authenticated by HTTP Basic, CSRF as told.
	 */
	private static SecurityWebFilterChain basicChain(ServerHttpSecurity http,
			Customizer<ServerHttpSecurity.CsrfSpec> csrf) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Alice {

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}secret").build());
		}

		@Bean
		AcpAuthenticator acpAuthenticator() {
			return (handshake) -> Mono.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class TokenRepositoryOfItsOwn {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return basicChain(http,
					(csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class CsrfMatcherOfItsOwn {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			ServerWebExchangeMatcher webhooks = ServerWebExchangeMatchers.pathMatchers("/webhooks/**");
			return basicChain(http, (csrf) -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
					CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(webhooks))));
		}

	}

}
