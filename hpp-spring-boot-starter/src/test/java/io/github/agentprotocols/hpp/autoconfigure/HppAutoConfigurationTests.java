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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.hpp.CreateSessionHook;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.autoconfigure.health.HppHealthContributorAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter contract for HPP, the clock its sessions expire on, and the customizers of
 * the engine's builder.
 */
class HppAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return HppAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return HppHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return HppProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("hpp", "Handshake Prompt Protocol", "hpp");
	}

	@Test
	void clockIsTheSystemClockInUtcByDefault() {
		contextRunner().run((context) -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
	}

	@Test
	void sessionsExpireOnTheApplicationClock() {
		SimulatedClock clock = new SimulatedClock();
		contextRunner().withBean(Clock.class, () -> clock).withPropertyValues("hpp.ttl=3").run((context) -> {
			assertThat(context).hasSingleBean(Clock.class);
			HandshakeManager manager = context.getBean(HandshakeManager.class);
			ObjectNode form = JsonNodeFactory.instance.objectNode().put("mode", "form-fill");
			ObjectNode created = manager.createSession(form, new HandshakeRequest(null, HttpHeaders.EMPTY, null))
				.block();
			String sessionId = created.get("sessionId").stringValue();
			String token = created.get("token").stringValue();
			clock.advance(Duration.ofSeconds(2));
			assertThat(manager.context(sessionId, token).block()).isNotNull();
			clock.advance(Duration.ofSeconds(4));
			assertThatExceptionOfType(HandshakeException.class)
				.isThrownBy(() -> manager.context(sessionId, token).block())
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404));
		});
	}

	@Test
	void customizerChangesOneOptionAndKeepsTheRest() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<String> hooked = new ArrayList<>();
		SimulatedClock clock = new SimulatedClock();
		contextRunner().withPropertyValues("hpp.ttl=3")
			.withBean(Clock.class, () -> clock)
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(CreateSessionHook.class, () -> (session, request) -> hooked.add(session.getId()))
			.withBean(HandshakeManagerBuilderCustomizer.class,
					() -> (builder) -> builder.promptBuilder((session, baseUrl, instructions, expiresIn) -> "Fill in "
							+ session.getId() + " within " + expiresIn + " s"))
			.run((context) -> {
				HandshakeManager manager = context.getBean(HandshakeManager.class);
				ObjectNode created = createSession(manager);
				String sessionId = created.get("sessionId").stringValue();
				assertThat(manager.prompt(sessionId, "http://localhost:8080", null).block())
					.isEqualTo("Fill in " + sessionId + " within 3 s");
				assertThat(created.get("expiresIn").asLong()).isEqualTo(3);
				assertThat(hooked).containsExactly(sessionId);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("hpp.session.create")
					.that()
					.hasBeenStarted()
					.hasBeenStopped();
			});
	}

	@Test
	void customizersRunInTheirOrder() {
		contextRunner().withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			HandshakeManager manager = context.getBean(HandshakeManager.class);
			String sessionId = createSession(manager).get("sessionId").stringValue();
			assertThat(context.getBean(OrderedCustomizers.class).calls).containsExactly("first", "second");
			assertThat(manager.prompt(sessionId, "http://localhost:8080", null).block()).isEqualTo("second");
		});
	}

	private static ObjectNode createSession(HandshakeManager manager) {
		ObjectNode form = JsonNodeFactory.instance.objectNode().put("mode", "form-fill");
		return manager.createSession(form, new HandshakeRequest(null, HttpHeaders.EMPTY, null)).block();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		HandshakeManagerBuilderCustomizer second() {
			return namingThePrompt("second");
		}

		@Bean
		@Order(1)
		HandshakeManagerBuilderCustomizer first() {
			return namingThePrompt("first");
		}

		private HandshakeManagerBuilderCustomizer namingThePrompt(String name) {
			return (builder) -> {
				this.calls.add(name);
				builder.promptBuilder((session, baseUrl, instructions, expiresIn) -> name);
			};
		}

	}

}
