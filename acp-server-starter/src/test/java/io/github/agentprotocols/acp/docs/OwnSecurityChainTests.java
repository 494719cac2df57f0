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

package io.github.agentprotocols.acp.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own Spring Security chain keeps the Socket.IO paths exempt from CSRF
 * protection, and only them: a chain built from the injected {@code ServerHttpSecurity}
 * gets the starter's exemption, and one with a CSRF matcher of its own keeps it through
 * {@code SocketIoCsrfExemption.requireCsrfProtection}, as docs/acp.md shows.
 * Authenticated POSTs without a CSRF token go through the application's real filter
 * chain.
 */
class OwnSecurityChainTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
				AcpRunsAutoConfiguration.class, AcpSocketIoAutoConfiguration.class))
		.withUserConfiguration(Alice.class)
		.withPropertyValues("acp.socketio.additional-paths=/acp/ws");

	@Test
	void chainOfItsOwnGetsTheExemption() {
		this.runner.withUserConfiguration(ChainOfItsOwn.class).run((context) -> {
			assertThat(post(context, "/socket.io/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/ws/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/threads")).isEqualTo(HttpStatus.FORBIDDEN);
		});
	}

	@Test
	void ownCsrfMatcherKeepsTheExemptionThroughTheHelper() {
		this.runner.withUserConfiguration(OwnSecurityChain.class).run((context) -> {
			assertThat(post(context, "/socket.io/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/acp/ws/?EIO=4&transport=polling&sid=s1")).isEqualTo("passed");
			assertThat(post(context, "/webhooks/payments")).isEqualTo("passed");
			assertThat(post(context, "/acp/threads")).isEqualTo(HttpStatus.FORBIDDEN);
		});
	}

	/**
	 * Sends an authenticated POST without CSRF token through the application's filter
	 * chain.
	 * @return {@code "passed"} when it went through, else the status it was refused with
	 */
	private static Object post(ApplicationContext context, String path) {
		String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post(path).header(HttpHeaders.AUTHORIZATION, "Basic " + basic));
		AtomicBoolean passed = new AtomicBoolean();
		context.getBean(WebFilterChainProxy.class)
			.filter(exchange, (filtered) -> Mono.fromRunnable(() -> passed.set(true)))
			.block(Duration.ofSeconds(30));
		return passed.get() ? "passed" : exchange.getResponse().getStatusCode();
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
	static class ChainOfItsOwn {

		@Bean
		SecurityWebFilterChain application(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse()))
				.build();
		}

	}

}
