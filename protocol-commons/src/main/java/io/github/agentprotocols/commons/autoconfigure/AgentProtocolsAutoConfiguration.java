package io.github.agentprotocols.commons.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration shared by every protocol starter: the {@code agentProtocols} health
 * group and info entry, built from the {@link AgentProtocol} beans the starters register.
 */
@AutoConfiguration
public final class AgentProtocolsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class HealthGroupConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentProtocolsHealthEndpointGroupsPostProcessor agentProtocolsHealthEndpointGroupsPostProcessor(
				ObjectProvider<AgentProtocol> protocols) {
			return new AgentProtocolsHealthEndpointGroupsPostProcessor(protocols.orderedStream().toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InfoConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentProtocolsInfoContributor agentProtocolsInfoContributor(ObjectProvider<AgentProtocol> protocols) {
			return new AgentProtocolsInfoContributor(protocols.orderedStream().toList());
		}

	}

}
