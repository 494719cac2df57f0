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

package io.github.agentprotocols.appcontrol.ai.autoconfigure;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import io.github.agentprotocols.appcontrol.ai.CommandApproval;
import io.github.agentprotocols.appcontrol.ai.CommandDeclaration;
import io.github.agentprotocols.appcontrol.ai.CommandDecision;
import io.github.agentprotocols.appcontrol.ai.CommandToolCallbackProvider;
import io.github.agentprotocols.appcontrol.ai.DesktopCommands;
import io.github.agentprotocols.appcontrol.ai.DesktopTool;
import io.github.agentprotocols.appcontrol.ai.mcp.McpCommandToolSpecifications;
import io.github.agentprotocols.appcontrol.ai.mcp.McpServiceTokenFilter;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.service.ClientThrottle;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * When the command tools, their approval and their MCP parts are configured.
 */
class AppControlSpringAiAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AppControlAutoConfiguration.class, AppControlSpringAiAutoConfiguration.class))
		.withUserConfiguration(DesktopCommands.class)
		.withPropertyValues("app-control.service.token=autoconfiguration-test-token");

	@Test
	void withoutTheServiceHostThereAreNoCommandTools() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CommandToolCallbackProvider.class)
			.doesNotHaveBean(CommandApproval.class));
	}

	@Test
	void withTheServiceHostEachDeclarationIsATool() {
		this.runner.withPropertyValues("app-control.service.enabled=true").run((context) -> {
			assertThat(context.getBean(CommandToolCallbackProvider.class).getToolCallbacks())
				.extracting((tool) -> tool.getToolDefinition().name())
				.containsExactly("desktop_click", "desktop_close", "desktop_delete");
			assertThat(context.getBean(CommandApproval.class)).isSameAs(CommandApproval.APPROVE_ALL);
			assertThat(context).hasSingleBean(McpServiceTokenFilter.class)
				.hasSingleBean(McpCommandToolSpecifications.class);
		});
	}

	@Test
	void theApplicationsOwnProviderAndApprovalWin() {
		CommandApproval approval = (command) -> CommandDecision.deny("not today");
		CommandToolCallbackProvider provider = new CommandToolCallbackProvider(List.of());
		this.runner.withPropertyValues("app-control.service.enabled=true")
			.withBean(CommandApproval.class, () -> approval)
			.withBean(CommandToolCallbackProvider.class, () -> provider)
			.run((context) -> {
				assertThat(context.getBean(CommandApproval.class)).isSameAs(approval);
				assertThat(context.getBean(CommandToolCallbackProvider.class)).isSameAs(provider);
			});
	}

	@Test
	void withoutSpringAisMcpServerTheToolsStayAndTheMcpPartsGo() {
		this.runner.withPropertyValues("app-control.service.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.ai.mcp.server"))
			.run((context) -> assertThat(context).hasSingleBean(CommandToolCallbackProvider.class)
				.doesNotHaveBean(McpServiceTokenFilter.class)
				.doesNotHaveBean(McpCommandToolSpecifications.class));
	}

	@Test
	void twoDeclarationsWithOneNameFailTheStartSayingWhich() {
		this.runner.withPropertyValues("app-control.service.enabled=true")
			.withBean("again", CommandDeclaration.class, () -> DesktopTool.DECLARATIONS.get(0))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Two app-control commands are declared as the tool 'desktop_click'"));
	}

	@Test
	void anAllowedOriginThatIsNoOriginFailsTheStartNamingTheProperty() {
		this.runner
			.withPropertyValues("app-control.service.enabled=true",
					"app-control.ai.mcp-allowed-origins=https://console.example.com/tools")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("app-control.ai.mcp-allowed-origins")
					.contains("https://console.example.com/tools")
					.contains("scheme://host[:port]");
			});
	}

	@Test
	void theMcpEndpointCountsWrongTokensWithTheServiceRoute() {
		this.runner.withPropertyValues("app-control.service.enabled=true", "app-control.service.allow-remote=true")
			.run((context) -> {
				ClientThrottle failedTokens = context.getBean(ClientThrottle.class);
				McpServiceTokenFilter filter = context.getBean(McpServiceTokenFilter.class);
				MockServerWebExchange exchange = MockServerWebExchange
					.from(MockServerHttpRequest.post("/mcp").remoteAddress(new InetSocketAddress("192.0.2.7", 4000)));
				filter.filter(exchange, (passed) -> Mono.empty()).block();
				assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
				for (int i = 1; i < ClientThrottle.DEFAULT_LIMIT; i++) {
					failedTokens.record("192.0.2.7");
				}
				assertThat(failedTokens.retryAfterSeconds("192.0.2.7")).isPositive();
			});
	}

	@Test
	void anMcpServerInAServletApplicationFailsTheStartSayingWhatToDo(@TempDir Path directory) {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AppControlAutoConfiguration.class, AppControlSpringAiAutoConfiguration.class))
			.withUserConfiguration(DesktopCommands.class)
			.withPropertyValues("app-control.service.token=autoconfiguration-test-token",
					"app-control.service.enabled=true",
					"app-control.service.socket-path=" + directory.resolve("service.sock"))
			.run((context) -> {
				assertThat(context).getFailure().rootCause().isInstanceOf(UnguardedMcpEndpointException.class);
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("without the service token");
				assertThat(analysis.getAction()).contains("spring-ai-starter-mcp-server-webflux")
					.contains("spring.ai.mcp.server.enabled=false");
			});
	}

}
