package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.acp.autoconfigure.health.AcpHealthContributorAutoConfiguration;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.testsupport.ProtocolStarterContractTests;

class AcpAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return AcpAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return AcpHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return AcpProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("acp", "x64acp Assistant Communication Protocol", "acp");
	}

}
