package io.github.agentprotocols.commons.autoconfigure;

import java.time.Clock;

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
 * Auto-configuration shared by every protocol starter: the {@link Clock} the starters
 * tell time with, and the {@code agentProtocols} health group and info entry, built from
 * the {@link AgentProtocol} beans the starters register.
 */
@AutoConfiguration
public final class AgentProtocolsAutoConfiguration {

	/**
	 * The clock of every protocol starter (session expiry, rate windows), unless the
	 * application has a {@link Clock} bean of its own, which tests can use to run expiry
	 * in simulated time.
	 * @return the system clock in UTC
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock agentProtocolsClock() {
		return Clock.systemUTC();
	}

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
