package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Handshake Prompt Protocol starter. Active unless
 * {@code hpp.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "hpp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HppProperties.class)
public final class HppAutoConfiguration {

	@Bean
	AgentProtocol hppProtocol() {
		return new AgentProtocol("hpp", "Handshake Prompt Protocol", "hpp");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HppHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hppHealthIndicator")
		HealthIndicator hppHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
