package io.github.agentprotocols.acp.autoconfigure.health;

import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.cluster.AcpClusterRelay;
import io.github.agentprotocols.acp.health.AcpHealthIndicator;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code acp} health contributor, {@link AcpHealthIndicator}.
 * Turned off with {@code management.health.acp.enabled=false}.
 */
@AutoConfiguration(after = AcpAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ThreadStore.class)
@ConditionalOnEnabledHealthIndicator("acp")
public final class AcpHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "acpHealthIndicator", "acpHealthContributor" })
	AcpHealthIndicator acpHealthIndicator(ThreadStore store, ObjectProvider<AcpClusterRelay> cluster,
			ObjectProvider<AcpSocketIoServer> socketIo) {
		return new AcpHealthIndicator(store, cluster.getIfAvailable(), socketIo.getIfAvailable());
	}

}
