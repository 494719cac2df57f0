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

package io.github.agentprotocols.hpp.docs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every Java block of docs/reference/hpp.md and of the HPP how-to pages is a copy of a
 * tagged region of this package's sources, which compile, and the examples do what the
 * pages say ({@link HppSecurityDocsTests} runs the Spring Security chain).
 */
class HppDocsTests {

	private static final List<String> PAGES = List.of("../docs/reference/hpp.md", "../docs/how-to/run-hpp-on-redis.md",
			"../docs/how-to/run-hpp-on-a-redis-cluster.md",
			"../docs/how-to/bind-hpp-sessions-to-spring-security-users.md",
			"../docs/how-to/serve-hpp-behind-a-reverse-proxy.md");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class))
		.withBean(Accounts.class, () -> new Accounts(Map.of("key-1", "ada")))
		.withUserConfiguration(FormConfiguration.class, FormPrompts.class);

	@Test
	void everyJavaBlockOfThePagesIsACopyOfACompiledSource() {
		for (String page : PAGES) {
			assertThat(CodeSnippets.disagreements(Path.of(page), Path.of(""))).isEmpty();
		}
	}

	@Test
	void createHookMakesTheLoggedInAccountTheOwnerAndRefusesAnonymousSessions() {
		this.contextRunner.run((context) -> {
			HandshakeManager manager = context.getBean(HandshakeManager.class);
			String sessionId = manager.createSession(form(), loggedIn()).block().get("sessionId").stringValue();
			assertThat(context.getBean(SessionStore.class).update(sessionId, (session) -> session.getOwner()).block())
				.isEqualTo("ada");
			assertThatExceptionOfType(HandshakeException.class)
				.isThrownBy(() -> manager.createSession(form(), HandshakeRequest.none()).block())
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403))
				.withMessage("log in first");
		});
	}

	@Test
	void extendHookGrantsAtMostTenMinutes() {
		this.contextRunner.run((context) -> {
			HandshakeManager manager = context.getBean(HandshakeManager.class);
			ObjectNode created = manager.createSession(form(), loggedIn()).block();
			ObjectNode hour = JsonNodeFactory.instance.objectNode().put("extraSeconds", 3600);
			ObjectNode extended = manager
				.extend(created.get("sessionId").stringValue(), created.get("token").stringValue(), Mono.just(hour),
						HandshakeRequest.none())
				.block();
			assertThat(extended.get("extended").asLong()).isEqualTo(600);
		});
	}

	@Test
	void promptCarriesTheSessionsCredentialsAndTheApplicationsUrl() {
		this.contextRunner.run((context) -> {
			ObjectNode created = context.getBean(HandshakeManager.class).createSession(form(), loggedIn()).block();
			String sessionId = created.get("sessionId").stringValue();
			assertThat(context.getBean(FormPrompts.class).promptFor(sessionId).block()).contains(
					"- sessionId: " + sessionId, "- token: " + created.get("token").stringValue(),
					"- baseUrl: https://app.example.com", "Fill in the order");
		});
	}

	@Test
	void conventionBeanAddsItsKeyToTheActionsOnly() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withUserConfiguration(ObservationConfiguration.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				HandshakeManager manager = context.getBean(HandshakeManager.class);
				ObjectNode created = manager.createSession(form(), loggedIn()).block();
				manager
					.action(created.get("sessionId").stringValue(), created.get("token").stringValue(),
							Mono.just(JsonNodeFactory.instance.objectNode()), HandshakeRequest.none())
					.block();
			});
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("hpp.action")
			.that()
			.hasLowCardinalityKeyValue("form", "order")
			.hasLowCardinalityKeyValue("outcome", "success");
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("hpp.session.create")
			.that()
			.doesNotHaveLowCardinalityKeyValueWithKey("form");
	}

	@Test
	void engineBuiltWithoutSpringServesTheAgent() {
		HandshakeManager manager = WithoutSpring.handshakeManager(Clock.systemUTC());
		ObjectNode form = form();
		form.putObject("context").put("name", "Bob");
		ObjectNode created = manager.createSession(form, HandshakeRequest.none()).block();
		ObjectNode context = manager.context(created.get("sessionId").stringValue(), created.get("token").stringValue())
			.block();
		assertThat(context.get("mode").stringValue()).isEqualTo("form-fill");
		assertThat(context.get("context").get("name").get("value").stringValue()).isEqualTo("Bob");
	}

	private static ObjectNode form() {
		return JsonNodeFactory.instance.objectNode().put("mode", "form-fill");
	}

	private static HandshakeRequest loggedIn() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Account", "key-1");
		return new HandshakeRequest(null, headers, null);
	}

}
