package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration;

class HappyAutoConfigurationTests extends ProtocolStarterContractTests {

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
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("happy", "Happy agent sessions", "happy");
	}

}
