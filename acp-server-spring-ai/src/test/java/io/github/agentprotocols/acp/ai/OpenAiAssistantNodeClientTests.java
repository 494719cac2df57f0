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

package io.github.agentprotocols.acp.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.r2dbc.PostgresThreadStore;
import io.github.agentprotocols.testsupport.NodeScript;
import io.github.agentprotocols.testsupport.PostgresFixture;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The assistant an application gets from {@code acp.ai.assistant-id} and Spring AI's
 * OpenAI starter, its threads in PostgreSQL, driven by the official
 * {@code socket.io-client} from npm ({@code src/test/node/live-run.mjs}) over ACP's REST
 * API and Socket.IO: the client sees the streamed tool call, its result and the answer
 * live, as stored. The model is an OpenAI-compatible server on loopback.
 */
@SpringBootTest(classes = OpenAiAssistantNodeClientTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "acp.ai.assistant-id=helper", "acp.store.table-prefix=acp_ai_openai_",
				"acp.store.initialize-schema=always", "spring.ai.openai.api-key=test-key",
				"spring.ai.openai.chat.model=gpt-test", "spring.ai.openai.max-retries=0" })
@UsesPostgres
class OpenAiAssistantNodeClientTests {

	private static final Path FOLDER = Path.of("src/test/node");

	private static final OpenAiCompatibleServer model = new OpenAiCompatibleServer();

	@LocalServerPort
	int port;

	@Autowired
	ThreadStore store;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PostgresFixture.database().registerR2dbcProperties(registry);
		registry.add("spring.ai.openai.base-url", model::baseUrl);
	}

	@AfterAll
	static void stopModel() {
		model.close();
	}

	@Test
	void theOfficialClientSeesTheToolCallItsResultAndTheAnswerLive() throws IOException, InterruptedException {
		assertThat(this.store).isInstanceOf(PostgresThreadStore.class);
		if (!Files.isDirectory(FOLDER.resolve("node_modules/socket.io-client"))) {
			fail("socket.io-client is not installed: run 'npm ci --prefix " + FOLDER.toAbsolutePath()
					+ "'; .ci/run does it");
		}
		model.weatherInParis();
		Path log = Path.of("target/acp-spring-ai-live-run.log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		NodeScript.run(FOLDER, "live-run.mjs", log, "http://127.0.0.1:" + this.port);
		assertThat(model.requests()).hasSize(2);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		AcpAuthenticator acpTestAuthenticator() {
			return (handshake) -> {
				Object user = HandshakeData.SOCKET_IO.equals(handshake.transport()) ? handshake.auth().get("user")
						: handshake.header("x-user");
				return "alice".equals(user) ? Mono.just(Identity.user("alice", "Alice")) : Mono.empty();
			};
		}

		@Bean
		ToolCallbackProvider weatherTools() {
			return MethodToolCallbackProvider.builder().toolObjects(new WeatherTools()).build();
		}

	}

}
