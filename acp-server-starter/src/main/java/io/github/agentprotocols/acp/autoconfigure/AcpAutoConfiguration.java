package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the x64acp Assistant Communication Protocol starter. Active
 * unless {@code acp.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "acp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AcpProperties.class)
public final class AcpAutoConfiguration {

	@Bean
	AgentProtocol acpProtocol() {
		return new AgentProtocol("acp", "x64acp Assistant Communication Protocol", "acp");
	}

}
