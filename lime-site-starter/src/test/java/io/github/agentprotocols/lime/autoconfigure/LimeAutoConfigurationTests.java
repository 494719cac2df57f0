package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.commons.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.lime.autoconfigure.health.LimeHealthContributorAutoConfiguration;

class LimeAutoConfigurationTests extends ProtocolStarterContractTests {

	@Override
	protected Class<?> autoConfiguration() {
		return LimeAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return LimeHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return LimeProperties.class;
	}

	@Override
	protected String[] requiredProperties() {
		return new String[] { "lime.site.token=st_contract", "lime.site.api-base=http://127.0.0.1:1/api/v1" };
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
	}

}
