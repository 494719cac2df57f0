package io.github.agentprotocols.commons.testsupport;

import io.github.agentprotocols.commons.AgentProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every protocol starter keeps: it loads with default properties, registers
 * its {@link AgentProtocol} and health contributor (blocking or reactive), and backs off
 * entirely when {@code <prefix>.enabled=false}. A starter's test extends this class and
 * says which auto-configuration, properties type and names are its own; a starter whose
 * health contributor has its own auto-configuration adds it in {@link #contextRunner()}.
 */
public abstract class ProtocolStarterContractTests {

	/**
	 * The starter's auto-configuration class.
	 * @return the class
	 */
	protected abstract Class<?> autoConfiguration();

	/**
	 * The starter's {@code @ConfigurationProperties} type.
	 * @return the type
	 */
	protected abstract Class<?> propertiesType();

	/**
	 * The protocol as the starter registers it.
	 * @return the expected protocol description
	 */
	protected abstract AgentProtocol expectedProtocol();

	/**
	 * Properties a starter needs before it can load; none by default.
	 * @return {@code key=value} pairs
	 */
	protected String[] requiredProperties() {
		return new String[0];
	}

	protected ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(autoConfiguration()))
			.withPropertyValues(requiredProperties());
	}

	@Test
	void loadsWithDefaults() {
		contextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(propertiesType());
			assertThat(context.getBean(AgentProtocol.class)).isEqualTo(expectedProtocol());
		});
	}

	@Test
	void registersHealthContributorNamedAfterProtocol() {
		contextRunner().run((context) -> assertThat(context.getBean(expectedProtocol().name() + "HealthIndicator"))
			.isInstanceOfAny(HealthContributor.class, ReactiveHealthContributor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		contextRunner().withPropertyValues(expectedProtocol().propertyPrefix() + ".enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(propertiesType());
			assertThat(context).doesNotHaveBean(AgentProtocol.class);
		});
	}

}
