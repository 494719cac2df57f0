package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.autoconfigure.health.AppControlHealthContributorAutoConfiguration;
import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;

class AppControlAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return AppControlAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return AppControlProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("appControl", "app-control", "app-control");
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return AppControlHealthContributorAutoConfiguration.class;
	}

}
