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

package io.github.agentprotocols.acp.autoconfigure.metrics;

import io.github.agentprotocols.acp.AcpMetrics;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpSocketIoAutoConfiguration;
import io.github.agentprotocols.acp.metrics.MicrometerAcpMetrics;
import io.github.agentprotocols.acp.metrics.MicrometerRunMetrics;
import io.github.agentprotocols.acp.metrics.RunExecutorMetrics;
import io.github.agentprotocols.acp.metrics.SocketIoServerMetrics;
import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the x64acp Micrometer meters when the application has a
 * {@link MeterRegistry}: {@link MicrometerAcpMetrics}, {@link MicrometerRunMetrics}, with
 * the starter's {@link RunExecutor} {@link RunExecutorMetrics}, and with its
 * {@link AcpSocketIoServer} {@link SocketIoServerMetrics}. Without a registry the
 * transports record into {@link AcpMetrics#NONE}.
 */
@AutoConfiguration(
		after = { AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class, AcpSocketIoAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ ThreadStore.class, MeterRegistry.class })
public final class AcpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AcpMetrics.class)
	MicrometerAcpMetrics acpMetrics(MeterRegistry registry, ThreadStore store) {
		return new MicrometerAcpMetrics(registry, store);
	}

	@Bean
	@ConditionalOnMissingBean
	MicrometerRunMetrics acpRunMetrics(MeterRegistry registry) {
		return new MicrometerRunMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RunExecutor.class)
	RunExecutorMetrics acpRunExecutorMetrics(MeterRegistry registry, RunExecutor executor) {
		return new RunExecutorMetrics(registry, executor);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AcpSocketIoServer.class)
	SocketIoServerMetrics acpSocketIoServerMetrics(MeterRegistry registry, AcpSocketIoServer server) {
		return new SocketIoServerMetrics(registry, server);
	}

}
