package io.github.agentprotocols.hpp.autoconfigure.health;

import java.util.Locale;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.SessionStore;
import io.github.agentprotocols.hpp.autoconfigure.HppAutoConfiguration;
import io.github.agentprotocols.hpp.autoconfigure.HppProperties;
import io.github.agentprotocols.hpp.health.HppHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code hpp} health contributor, {@link HppHealthIndicator}.
 * Turned off with {@code management.health.hpp.enabled=false}.
 */
@AutoConfiguration(after = HppAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ HandshakeManager.class, SessionStore.class })
@ConditionalOnEnabledHealthIndicator("hpp")
public final class HppHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "hppHealthIndicator", "hppHealthContributor" })
	HppHealthIndicator hppHealthIndicator(SessionStore store, HppProperties properties) {
		return new HppHealthIndicator(store, properties.getStore().getType().name().toLowerCase(Locale.ROOT));
	}

}
