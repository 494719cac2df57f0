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

package io.github.agentprotocols.lime.autoconfigure.metrics;

import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.metrics.MicrometerLimeMetrics;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the LIME agent login Micrometer meters,
 * {@link MicrometerLimeMetrics}, when the application has a {@link MeterRegistry} and the
 * {@link LimeEventDispatcher} they measure, with the passport verifications. Without them
 * LIME records into {@link LimeMetrics#NONE}.
 */
@AutoConfiguration(after = LimeAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "lime.enabled", matchIfMissing = true)
@ConditionalOnBean({ LimeEventDispatcher.class, MeterRegistry.class })
public final class LimeMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LimeMetrics.class)
	MicrometerLimeMetrics limeMetrics(MeterRegistry registry) {
		return new MicrometerLimeMetrics(registry);
	}

}
