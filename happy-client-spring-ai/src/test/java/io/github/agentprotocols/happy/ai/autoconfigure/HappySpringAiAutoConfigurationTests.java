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

package io.github.agentprotocols.happy.ai.autoconfigure;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.github.agentprotocols.happy.ai.HappyToolCallbackProvider;
import io.github.agentprotocols.happy.ai.mcp.McpHappyToolSpecifications;
import io.github.agentprotocols.happy.ai.mcp.McpTokenFilter;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Happy tools and their MCP parts are configured, and how a mistake fails the
 * start.
 */
class HappySpringAiAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "happy.server-url=http://127.0.0.1:1/", "happy.token=t",
			"happy.secret=" + Base64.getEncoder().encodeToString(new byte[32]), "happy.home-dir=target/no-happy-home" };

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class, HappySpringAiAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=target/no-happy-home");

	@Test
	void withoutHappyCredentialsThereAreNoTools() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(HappyToolCallbackProvider.class)
			.doesNotHaveBean(McpTokenFilter.class));
	}

	@Test
	void withAClientTheFourToolsAreServedBehindTheMcpToken() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token")
			.run((context) -> {
				assertThat(context.getBean(HappyToolCallbackProvider.class).getToolCallbacks())
					.extracting((tool) -> tool.getToolDefinition().name())
					.containsExactly("happy_start", "happy_status", "happy_stop", "happy_run");
				assertThat(context).hasSingleBean(McpHappyToolSpecifications.class);
				McpTokenFilter filter = context.getBean(McpTokenFilter.class);
				assertThat(status(filter, "/mcp", "Bearer wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(status(filter, "/mcp", "Bearer secret-mcp-token")).isNull();
				assertThat(status(filter, "/actuator/health", null)).isNull();
			});
	}

	@Test
	void theMcpEndpointServesBrowserPagesOfItsOwnOrAnAllowedOriginOnly() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token",
					"happy.ai.mcp-allowed-origins=https://app.example.com")
			.run((context) -> {
				McpTokenFilter filter = context.getBean(McpTokenFilter.class);
				String token = "Bearer secret-mcp-token";
				assertThat(status(filter, "/mcp", token, "https://app.example.com")).isNull();
				assertThat(status(filter, "/mcp", token, "https://evil.example.com")).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(status(filter, "/mcp", null, "https://evil.example.com")).isEqualTo(HttpStatus.FORBIDDEN);
			});
	}

	@Test
	void anAllowedOriginThatIsNoOriginFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token",
					"happy.ai.mcp-allowed-origins=https://app.example.com/tools")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("happy.ai.mcp-allowed-origins")
					.contains("https://app.example.com/tools")
					.contains("scheme://host[:port]");
			});
	}

	@Test
	void theApplicationsOwnProviderWins() {
		HappyToolCallbackProvider provider = new HappyToolCallbackProvider(List.of());
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token")
			.withBean(HappyToolCallbackProvider.class, () -> provider)
			.run((context) -> assertThat(context.getBean(HappyToolCallbackProvider.class)).isSameAs(provider));
	}

	@Test
	void withoutSpringAisMcpServerTheToolsNeedNoToken() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader("org.springframework.ai.mcp.server"))
			.run((context) -> assertThat(context).hasSingleBean(HappyToolCallbackProvider.class)
				.doesNotHaveBean(McpTokenFilter.class)
				.doesNotHaveBean(McpHappyToolSpecifications.class));
	}

	@Test
	void withSpringAisMcpServerTurnedOffTheToolsNeedNoToken() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("spring.ai.mcp.server.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(HappyToolCallbackProvider.class)
				.doesNotHaveBean(McpTokenFilter.class)
				.doesNotHaveBean(McpHappyToolSpecifications.class));
	}

	@Test
	void anMcpServerOnStdioInAServletApplicationStarts() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HappyAutoConfiguration.class, HappySpringAiAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("spring.ai.mcp.server.stdio=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(McpHappyToolSpecifications.class)
				.doesNotHaveBean(McpTokenFilter.class));
	}

	@Test
	void anMcpServerWithoutTheTokenFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("happy.ai.mcp-token");
		});
	}

	@Test
	void aShortMcpTokenFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues(CREDENTIALS).withPropertyValues("happy.ai.mcp-token=short").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("happy.ai.mcp-token has 5 characters");
			assertThat(analysis.getAction()).contains("at least 16 random characters");
		});
	}

	@Test
	void aRunTimeoutThatIsNotPositiveFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token", "happy.ai.run-timeout=0s")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("happy.ai.run-timeout is PT0S");
				assertThat(analysis.getAction()).contains("happy.ai.run-timeout to a positive duration");
			});
	}

	@Test
	void anMcpServerInAServletApplicationFailsTheStartSayingWhatToDo() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HappyAutoConfiguration.class, HappySpringAiAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("happy.ai.mcp-token=secret-mcp-token")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("without happy.ai.mcp-token");
				assertThat(analysis.getAction()).contains("spring-ai-starter-mcp-server-webflux")
					.contains("spring.ai.mcp.server.enabled=false");
			});
	}

	/**
	 * The filter's refusal, or null when it passed the request on.
	 */
	private static HttpStatus status(McpTokenFilter filter, String path, String authorization) {
		return status(filter, path, authorization, null);
	}

	/**
	 * The filter's refusal of a request from a page of an origin, or null when it passed
	 * the request on.
	 */
	private static HttpStatus status(McpTokenFilter filter, String path, String authorization, String origin) {
		MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post(path);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		boolean[] passed = { false };
		filter.filter(exchange, (next) -> {
			passed[0] = true;
			return Mono.empty();
		}).block();
		return passed[0] ? null : HttpStatus.resolve(exchange.getResponse().getStatusCode().value());
	}

}
