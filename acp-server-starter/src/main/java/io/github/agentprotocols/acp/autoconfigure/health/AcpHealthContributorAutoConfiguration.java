/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
