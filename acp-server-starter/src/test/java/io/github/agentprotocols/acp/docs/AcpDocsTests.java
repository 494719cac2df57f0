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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.HandshakeData;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.IdentityRole;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.memory.InMemoryThreadStore;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Java block of docs/acp.md is a copy of a tagged region of this package's sources,
 * which compile, and the quick start's authenticator and the convention bean do what the
 * page says.
 */
class AcpDocsTests {

	private final AcpAuthenticator authenticator = new AcpConfiguration()
		.acpAuthenticator(new Users(Map.of("tok-1", new Users.User("u1", "Ada", "o1"))));

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(Path.of("../docs/acp.md"), Path.of(""))).isEmpty();
	}

	@Test
	void quickStartAuthenticatorReadsTheBearerTokenOnRest() {
		HandshakeData rest = new HandshakeData(Map.of("authorization", "Bearer tok-1"), Map.of(), Map.of(),
				HandshakeData.REST);
		assertThat(this.authenticator.authenticate(rest).block())
			.isEqualTo(new Identity(IdentityRole.USER, "u1", "Ada", Map.of("tenant", Map.of("organization", "o1"))));
	}

	@Test
	void quickStartAuthenticatorReadsTheAuthTokenOnSocketIoAndRefusesUnknownTokens() {
		HandshakeData socket = new HandshakeData(Map.of(), Map.of("token", "tok-1"), Map.of(), HandshakeData.SOCKET_IO);
		assertThat(this.authenticator.authenticate(socket).block()).extracting(Identity::id).isEqualTo("u1");
		HandshakeData unknown = new HandshakeData(Map.of("authorization", "Bearer nope"), Map.of(), Map.of(),
				HandshakeData.REST);
		assertThat(this.authenticator.authenticate(unknown).blockOptional()).isEmpty();
	}

	@Test
	void runConventionBeanTagsTheRunsObservations() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
					AcpRunsAutoConfiguration.class))
			.withUserConfiguration(ObservationConventions.class)
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(InMemoryThreadStore.class, () -> new InMemoryThreadStore(Clock.systemUTC()))
			.run((context) -> {
				context.getBean(AssistantRegistry.class).register("echo", (ctx, send) -> Flux.empty(), "test");
				ThreadStore store = context.getBean(ThreadStore.class);
				Identity alice = Identity.user("alice", "Alice");
				String thread = store.createThread(NewThread.withTenant(null), alice).block().thread().id();
				store.addMember(thread, Identity.assistant("echo", "Echo"), "member", alice).block();
				context.getBean(AssistantRuns.class)
					.invoke(thread, InvocationRequest.of(List.of("echo"), alice, null, null))
					.block();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("acp.run")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("acp.run.chained", "false")
						.hasLowCardinalityKeyValue("acp.run.status", "completed"));
			});
	}

	@Test
	void pageNamesNoInternalTypeOfTheEnginePackage() throws IOException {
		String page = Files.readString(Path.of("../docs/acp.md"));
		try (Stream<Path> engine = Files.list(Path.of("src/main/java/io/github/agentprotocols/acp/engine"))) {
			List<String> named = engine.filter(AcpDocsTests::isMarkedInternal)
				.map((file) -> file.getFileName().toString().replace(".java", ""))
				.filter((type) -> Pattern.compile("\\b" + type + "\\b").matcher(page).find())
				.toList();
			assertThat(named).as("internal types named by docs/acp.md").isEmpty();
		}
	}

	private static boolean isMarkedInternal(Path file) {
		try {
			return Files.readString(file).contains("\n@Internal\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
