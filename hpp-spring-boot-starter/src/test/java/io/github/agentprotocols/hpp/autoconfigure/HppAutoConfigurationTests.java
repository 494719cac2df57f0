package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.testsupport.ProtocolStarterContractTests;

class HppAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return HppAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return HppProperties.class;
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("hpp", "Handshake Prompt Protocol", "hpp");
	}

}
