package io.github.agentprotocols.hpp.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.testsupport.SimulatedClock;
import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.autoconfigure.health.HppHealthContributorAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter contract for HPP, and the clock its sessions expire on.
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

}
