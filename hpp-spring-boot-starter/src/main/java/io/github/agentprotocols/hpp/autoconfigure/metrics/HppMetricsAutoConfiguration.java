package io.github.agentprotocols.hpp.autoconfigure.metrics;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeMetrics;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.metrics.MicrometerHandshakeMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Handshake Prompt Protocol's Micrometer meters,
 * {@link MicrometerHandshakeMetrics}, when the application has a {@link MeterRegistry}.
 * Without one the protocol records into {@link HandshakeMetrics#NONE}.
 */
@AutoConfiguration(after = HppAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ HandshakeManager.class, MeterRegistry.class })
public final class HppMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(HandshakeMetrics.class)
	MicrometerHandshakeMetrics hppMetrics(MeterRegistry registry, SessionStore store) {
		return new MicrometerHandshakeMetrics(registry, store);
	}

}
