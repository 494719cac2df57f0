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

package io.github.agentprotocols.appcontrol.autoconfigure.metrics;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.metrics.MicrometerAppControlMetrics;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the app-control service host's Micrometer meters,
 * {@link MicrometerAppControlMetrics}, when the application runs the host and has a
 * {@link MeterRegistry}. Without one the host records into
 * {@link AppControlMetrics#NONE}.
 */
@AutoConfiguration(after = AppControlAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ AppControlServiceHost.class, MeterRegistry.class })
public final class AppControlMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AppControlMetrics.class)
	MicrometerAppControlMetrics appControlMetrics(MeterRegistry registry) {
		return new MicrometerAppControlMetrics(registry);
	}

}
