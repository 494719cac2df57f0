package io.github.agentprotocols.lime.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the LIME agent login starter. Active unless
 * {@code lime.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lime.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LimeProperties.class)
public final class LimeAutoConfiguration {

	@Bean
	AgentProtocol limeProtocol() {
		return new AgentProtocol("lime", "LIME agent login", "lime");
	}

}
