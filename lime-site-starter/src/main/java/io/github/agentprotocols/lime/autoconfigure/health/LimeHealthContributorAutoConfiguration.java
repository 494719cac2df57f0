package io.github.agentprotocols.lime.autoconfigure.health;

import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.autoconfigure.LimeRedisAutoConfiguration;
import io.github.agentprotocols.lime.health.LimeHealthIndicator;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code lime} health contributor, {@link LimeHealthIndicator}.
 * Turned off with {@code management.health.lime.enabled=false}.
 */
@AutoConfiguration(after = { LimeAutoConfiguration.class, LimeRedisAutoConfiguration.class })
@ConditionalOnClass({ Mono.class, ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ LimeEventDispatcher.class, LimeSite.class })
@ConditionalOnEnabledHealthIndicator("lime")
public final class LimeHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "limeHealthIndicator", "limeHealthContributor" })
	LimeHealthIndicator limeHealthIndicator(LimeEventDispatcher dispatcher, LimeSite site,
			ObjectProvider<LimeStreamLease> lease) {
		return new LimeHealthIndicator(dispatcher, site.getApiBase(), lease.getIfAvailable());
	}

}
