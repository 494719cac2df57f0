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
