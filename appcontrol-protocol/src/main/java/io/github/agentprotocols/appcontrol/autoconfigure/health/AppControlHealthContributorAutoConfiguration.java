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

package io.github.agentprotocols.appcontrol.autoconfigure.health;

import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.health.AppControlHealthIndicator;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
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
 * Auto-configuration of the {@link AppControlHealthIndicator}, the {@code appControl}
 * health contributor that the {@code agentProtocols} health group gathers. Off with
 * {@code management.health.appcontrol.enabled=false}.
 */
@AutoConfiguration(after = AppControlAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, Mono.class })
@ConditionalOnBean({ AppControlConfig.class, ProtocolSchemas.class })
@ConditionalOnEnabledHealthIndicator("appcontrol")
public final class AppControlHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "appControlHealthIndicator", "appControlHealthContributor" })
	AppControlHealthIndicator appControlHealthIndicator(AppControlConfig config, ProtocolSchemas schemas,
			ObjectProvider<AppControlServiceHost> host) {
		return new AppControlHealthIndicator(config, schemas, host.getIfAvailable());
	}

}
