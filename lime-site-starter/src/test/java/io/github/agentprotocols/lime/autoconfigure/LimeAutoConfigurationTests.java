package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.testsupport.ProtocolStarterContractTests;

class LimeAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return LimeAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return LimeProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
	}

}
