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

package io.github.agentprotocols.acp.autoconfigure;

import java.time.Clock;

import io.github.agentprotocols.acp.AcpAnalyticsSink;
import io.github.agentprotocols.acp.AcpBroadcaster;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.observation.RunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.github.agentprotocols.acp.run.AcpAssistantBeanPostProcessor;
import io.github.agentprotocols.acp.run.AssistantRegistry;
import io.github.agentprotocols.acp.run.RunExecutor;
import io.github.agentprotocols.commons.thread.BlockingWork;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of x64acp's runs (spec §6) and broadcast funnel (§5.7): the registry
 * of {@link io.github.agentprotocols.acp.AcpAssistant @AcpAssistant} handlers, the
 * {@link AcpBroadcaster}, the {@link RunExecutor} as the application's
 * {@link AssistantRuns}, its heartbeat watchdog and the watcher of cancellation requests.
 * Active with a {@link ThreadStore} bean, unless {@code acp.enabled=false}.
 */
@AutoConfiguration(after = AcpAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "acp.enabled", matchIfMissing = true)
@ConditionalOnBean(ThreadStore.class)
@EnableConfigurationProperties(AcpProperties.class)
public final class AcpRunsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static AcpAssistantBeanPostProcessor acpAssistantBeanPostProcessor(ObjectProvider<AssistantRegistry> registry) {
		return new AcpAssistantBeanPostProcessor(registry::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	AssistantRegistry acpAssistantRegistry() {
		return new AssistantRegistry();
	}

	@Bean
	@ConditionalOnMissingBean(AssistantRuns.class)
	RunExecutor acpRunExecutor(ThreadStore store, AcpBroadcaster broadcaster, AssistantRegistry assistants,
			ObjectProvider<AcpAnalyticsSink> analyticsSink, AcpProperties properties, Clock clock,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<RunObservationConvention> runObservationConvention,
			ObjectProvider<RunHandlerObservationConvention> handlerObservationConvention,
			ObjectProvider<RunExecutorBuilderCustomizer> customizers, Environment environment) {
		RunExecutor.Builder builder = RunExecutor.builder(store, assistants)
			.broadcaster(broadcaster)
			.handlers(BlockingWork.scheduler(environment, "acp-handler-"))
			.analyticsSink(analyticsSink.getIfAvailable())
			.settings(new AcpPropertiesMapper(properties).runSettings())
			.clock(clock)
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.runObservationConvention(runObservationConvention.getIfAvailable())
			.handlerObservationConvention(handlerObservationConvention.getIfAvailable());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
