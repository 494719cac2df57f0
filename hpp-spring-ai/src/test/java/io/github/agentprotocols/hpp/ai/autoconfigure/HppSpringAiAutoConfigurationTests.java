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

package io.github.agentprotocols.hpp.ai.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.github.agentprotocols.commons.ai.mcp.McpEndpointFilter;
import io.github.agentprotocols.commons.ai.mcp.McpOriginFilter;
import io.github.agentprotocols.commons.ai.mcp.McpOriginPolicy;
import io.github.agentprotocols.commons.ai.mcp.McpSessionGrants;
import io.github.agentprotocols.commons.ai.mcp.McpTokenGuard;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.commons.diagnostics.RenamedProperty;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.ai.mcp.AgentToolCallbackProvider;
import io.github.agentprotocols.hpp.ai.mcp.HppMcpServer;
import io.github.agentprotocols.hpp.autoconfigure.HandshakeManagerBuilderCustomizer;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.web.ClientThrottle;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.RenamedProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HppSpringAiAutoConfigurationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class,
				HppSpringAiAutoConfiguration.class, HppMcpServerAutoConfiguration.class));

	@Test
	void promptNamesTheMcpServersStreamableEndpointByDefault() {
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.streamable-http.mcp-endpoint=/agents/mcp")
			.run(prompt((text) -> assertThat(text).endsWith("\n\n## MCP\n- mcpEndpoint: http://app.example/agents/mcp\n"
					+ "- tools: hpp_context, hpp_diff, hpp_action, hpp_extend (each takes the sessionId and token above)\n")));
	}

	@Test
	void promptNamesTheSseEndpointOfAnSseServer() {
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.protocol=SSE")
			.run(prompt((text) -> assertThat(text).contains("- mcpEndpoint: http://app.example/sse\n")));
	}

	@Test
	void promptNamesTheConfiguredEndpoint() {
		this.contextRunner.withPropertyValues("hpp.ai.mcp-prompt-endpoint=https://agents.example/mcp")
			.run(prompt((text) -> assertThat(text).contains("- mcpEndpoint: https://agents.example/mcp\n")));
	}

	@Test
	void promptEndpointUnderItsOldNameFailsStartUpNamingTheNewOne() {
		RenamedProperties.assertStartUpFailsNamingTheNewName(this.contextRunner, "hpp.mcp.prompt-endpoint",
				"https://agents.example/mcp", "hpp.ai.mcp-prompt-endpoint");
		assertThat(HppAiRenamedProperties.RENAMES).extracting(RenamedProperty::oldName)
			.containsExactly("hpp.mcp.prompt-endpoint");
	}

	@Test
	void promptNamesNoEndpointWhenTheMcpServerIsOffOrThePropertyEmpty() {
		Consumer<String> noMcp = (text) -> assertThat(text).doesNotContain("MCP")
			.endsWith("## Waiting for user's request...");
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.enabled=false").run(prompt(noMcp));
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.stdio=true").run(prompt(noMcp));
		this.contextRunner.withPropertyValues("hpp.ai.mcp-prompt-endpoint=").run(prompt(noMcp));
	}

	@Test
	void anApplicationCustomizerSettingAPromptBuilderHasTheLastWord() {
		HandshakeManagerBuilderCustomizer own = (builder) -> builder
			.promptBuilder((session, baseUrl, instructions, expiresIn) -> "- sessionId: " + session.getId());
		this.contextRunner.withBean(HandshakeManagerBuilderCustomizer.class, () -> own)
			.run(prompt((text) -> assertThat(text).startsWith("- sessionId: ").doesNotContain("MCP")));
	}

	@Test
	void wrongTokensOverTheToolsAreThrottledAsOverHttp() {
		this.contextRunner.withPropertyValues("hpp.limits.max-failed-tokens-per-minute=2").run((context) -> {
			ObjectNode session = create(context.getBean(HandshakeManager.class));
			ToolCallback tool = context.getBean(AgentToolCallbackProvider.class).getToolCallbacks()[0];
			String wrong = arguments(session, "wrong");
			assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> tool.call(wrong))
				.withMessage("{\"error\":\"invalid token\",\"status\":403}");
			assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> tool.call(wrong));
			assertThatExceptionOfType(ToolExecutionException.class)
				.isThrownBy(() -> tool.call(arguments(session, session.get("token").stringValue())))
				.withMessageStartingWith("{\"error\":\"rate limit exceeded\",\"status\":429,\"retryAfter\":");
		});
	}

	@Test
	void theMcpEndpointChecksTheOriginOfBrowserPages() {
		this.contextRunner.withPropertyValues("hpp.ai.mcp-allowed-origins=https://app.example.com")
			.run((context) -> assertThat(context).hasSingleBean(McpOriginFilter.class));
	}

	@Test
	void withoutAnMcpEndpointOverHttpThereIsNoOriginCheck() {
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.stdio=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpOriginFilter.class));
		this.contextRunner.withPropertyValues("spring.ai.mcp.server.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpOriginFilter.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai.mcp.server"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpOriginFilter.class));
	}

	@Test
	void whereModulesGuardTheMcpEndpointTheirGuardsCheckTheOrigin() {
		this.contextRunner
			.withBean(McpEndpointFilter.class, () -> new McpEndpointFilter(List.of(), new McpSessionGrants()))
			.run((context) -> assertThat(context).hasSingleBean(McpEndpointFilter.class)
				.doesNotHaveBean(McpOriginFilter.class));
	}

	@Test
	void whereAnotherModuleGuardsTheSharedEndpointHppServesItsOwnAndThePromptNamesIt() {
		this.contextRunner.withBean(McpTokenGuard.class, AnotherModulesGuard::new).run((context) -> {
			assertThat(context).hasSingleBean(HppMcpServer.class);
			assertThat(context.getBean(HppMcpServer.class).endpoint()).isEqualTo("/hpp/mcp");
			prompt((text) -> assertThat(text).contains("- mcpEndpoint: http://app.example/hpp/mcp\n")).accept(context);
		});
		this.contextRunner.withBean(McpTokenGuard.class, AnotherModulesGuard::new)
			.withPropertyValues("hpp.ai.mcp-endpoint=/agents/hpp")
			.run(prompt((text) -> assertThat(text).contains("- mcpEndpoint: http://app.example/agents/hpp\n")));
		this.contextRunner.withBean(McpTokenGuard.class, AnotherModulesGuard::new)
			.withPropertyValues("hpp.ai.mcp-prompt-endpoint=https://agents.example/mcp")
			.run(prompt((text) -> assertThat(text).contains("- mcpEndpoint: https://agents.example/mcp\n")));
	}

	@Test
	void withoutAnotherModulesGuardHppServesNoEndpointOfItsOwn() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HppMcpServer.class));
		this.contextRunner.withBean(McpTokenGuard.class, AnotherModulesGuard::new)
			.withPropertyValues("spring.ai.mcp.server.stdio=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HppMcpServer.class));
	}

	@Test
	void anOwnEndpointThatIsNoPathOrTheSharedOneFailsTheStartNamingTheProperty() {
		for (String endpoint : new String[] { "hpp/mcp", "/mcp" }) {
			this.contextRunner.withBean(McpTokenGuard.class, AnotherModulesGuard::new)
				.withPropertyValues("hpp.ai.mcp-endpoint=" + endpoint)
				.run((context) -> {
					FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
					assertThat(analysis).as(endpoint).isNotNull();
					assertThat(analysis.getDescription()).contains("hpp.ai.mcp-endpoint").contains(endpoint);
				});
		}
	}

	@Test
	void anAllowedOriginThatIsNoOriginFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("hpp.ai.mcp-allowed-origins=https://app.example.com/tools")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("hpp.ai.mcp-allowed-origins")
					.contains("https://app.example.com/tools")
					.contains("scheme://host[:port]");
			});
	}

	@Test
	void applicationToolsReplaceTheAgentTools() {
		this.contextRunner.withUserConfiguration(OwnTools.class)
			.run((context) -> assertThat(context.getBeansOfType(AgentToolCallbackProvider.class))
				.containsOnlyKeys("ownAgentTools"));
	}

	private static ContextConsumer<AssertableReactiveWebApplicationContext> prompt(Consumer<String> check) {
		return (context) -> {
			HandshakeManager manager = context.getBean(HandshakeManager.class);
			String sessionId = create(manager).get("sessionId").stringValue();
			check.accept(manager.prompt(sessionId, "http://app.example/", null).block());
		};
	}

	private static ObjectNode create(HandshakeManager manager) {
		return manager.createSession(json.createObjectNode(), HandshakeRequest.none()).block();
	}

	private static String arguments(ObjectNode session, String token) {
		return json.createObjectNode()
			.put("sessionId", session.get("sessionId").stringValue())
			.put("token", token)
			.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTools {

		@Bean
		AgentToolCallbackProvider ownAgentTools(HandshakeManager manager,
				@Qualifier(HppAutoConfiguration.FAILED_TOKEN_THROTTLE) ClientThrottle failedTokens) {
			return new AgentToolCallbackProvider(manager, failedTokens);
		}

	}

	static class AnotherModulesGuard extends McpTokenGuard {

		AnotherModulesGuard() {
			super("other", Set.of("/mcp"), "other-module-token-0123456789",
					new McpOriginPolicy("other.allowed-origins", List.of()));
		}

		@Override
		protected Mono<Void> foreignOrigin(ServerWebExchange exchange) {
			return Mono.empty();
		}

		@Override
		protected Mono<Void> unauthorized(ServerWebExchange exchange) {
			return Mono.empty();
		}

	}

}
