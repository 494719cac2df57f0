package io.github.agentprotocols.appcontrol.autoconfigure;

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
 * Auto-configuration of the app-control starter. Active unless
 * {@code app-control.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "app-control.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AppControlProperties.class)
public final class AppControlAutoConfiguration {

	@Bean
	AgentProtocol appControlProtocol() {
		return new AgentProtocol("appControl", "app-control", "app-control");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class AppControlHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "appControlHealthIndicator")
		HealthIndicator appControlHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
