package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration;

class HappyAutoConfigurationTests extends ProtocolStarterContractTests {

	/** A home directory without key files, so that the machine's ~/.happy is not read. */
	static final String NO_HOME = "target/no-happy-home";

	@Override
	protected Class<?> autoConfiguration() {
		return HappyAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return HappyHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return HappyProperties.class;
	}

	@Override
	protected String[] requiredProperties() {
		return new String[] { "happy.home-dir=" + NO_HOME };
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("happy", "Happy agent sessions", "happy");
	}

}
