package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Happy agent sessions starter. Active unless
 * {@code happy.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "happy.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HappyProperties.class)
public final class HappyAutoConfiguration {

	@Bean
	AgentProtocol happyProtocol() {
		return new AgentProtocol("happy", "Happy agent sessions", "happy");
	}

}
