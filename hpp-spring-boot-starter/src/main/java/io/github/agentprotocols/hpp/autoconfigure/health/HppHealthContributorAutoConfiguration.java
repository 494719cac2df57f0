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
