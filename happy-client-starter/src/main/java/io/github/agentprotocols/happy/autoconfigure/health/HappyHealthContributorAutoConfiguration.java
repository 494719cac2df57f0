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

package io.github.agentprotocols.happy.autoconfigure.health;

import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.autoconfigure.HappyProperties;
import io.github.agentprotocols.happy.health.HappyHealthIndicator;
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
 * Auto-configuration of the {@code happy} health contributor,
 * {@link HappyHealthIndicator}, for the {@link HappyProperties} of
 * {@link HappyAutoConfiguration}: it checks the client they configure, or says why they
 * configure none. Turned off with {@code management.health.happy.enabled=false}.
 */
@AutoConfiguration(after = HappyAutoConfiguration.class)
@ConditionalOnClass({ Mono.class, ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(HappyProperties.class)
@ConditionalOnEnabledHealthIndicator("happy")
public final class HappyHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "happyHealthIndicator", "happyHealthContributor" })
	HappyHealthIndicator happyHealthIndicator(ObjectProvider<ReactiveHappyClient> client, HappyProperties properties) {
		String homeDir = properties.getHomeDir();
		String home = (homeDir != null && !homeDir.isBlank()) ? homeDir : "~/.happy";
		return new HappyHealthIndicator(client::getIfAvailable,
				() -> "No Happy credentials: set happy.token and happy.secret (HAPPY_TOKEN, HAPPY_SECRET), "
						+ "happy.credentials-path, or place agent.key or access.key in " + home);
	}

}
