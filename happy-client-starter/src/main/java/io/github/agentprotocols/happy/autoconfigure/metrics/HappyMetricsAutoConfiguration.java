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

package io.github.agentprotocols.happy.autoconfigure.metrics;

import io.github.agentprotocols.happy.HappyMetrics;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.metrics.MicrometerHappyMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Happy client's Micrometer meters,
 * {@link MicrometerHappyMetrics}, when the application has a {@link MeterRegistry} and a
 * {@link ReactiveHappyClient}, which records into them when it is created; without a
 * registry the client records into {@link HappyMetrics#NONE}.
 */
@AutoConfiguration(after = HappyAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "happy.enabled", matchIfMissing = true)
@ConditionalOnBean({ ReactiveHappyClient.class, MeterRegistry.class })
public final class HappyMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(HappyMetrics.class)
	MicrometerHappyMetrics happyMetrics(MeterRegistry registry) {
		return new MicrometerHappyMetrics(registry);
	}

}
