package io.github.agentprotocols.commons.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock the protocol starters share.
 */
class AgentProtocolsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class));

	@Test
	void clockIsTheSystemClockInUtc() {
		this.runner.run((context) -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
	}

	@Test
	void applicationClockReplacesIt() {
		Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context).hasSingleBean(Clock.class).getBean(Clock.class).isSameAs(fixed));
	}

}
