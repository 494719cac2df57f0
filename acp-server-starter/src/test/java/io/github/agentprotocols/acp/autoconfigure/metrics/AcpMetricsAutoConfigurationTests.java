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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.AssistantRuns;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.NoAssistantRuns;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStore;
import io.github.agentprotocols.acp.autoconfigure.AcpAutoConfiguration;
import io.github.agentprotocols.acp.autoconfigure.AcpRunsAutoConfiguration;
import io.github.agentprotocols.acp.metrics.MicrometerAcpMetrics;
import io.github.agentprotocols.acp.metrics.MicrometerRunMetrics;
import io.github.agentprotocols.acp.metrics.RunExecutorMetrics;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AcpMetricsAutoConfiguration}.
 */
class AcpMetricsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class,
				AcpRunsAutoConfiguration.class, AcpMetricsAutoConfiguration.class));

	@Test
	void withoutAMeterRegistryConfiguresNoMeters() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MicrometerAcpMetrics.class)
				.doesNotHaveBean(MicrometerRunMetrics.class)
				.doesNotHaveBean(RunExecutorMetrics.class);
		});
	}

	@Test
	void withAMeterRegistryMetersTheRunsOfTheExecutor() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(Helper.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerAcpMetrics.class)
					.hasSingleBean(MicrometerRunMetrics.class)
					.hasSingleBean(RunExecutorMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("acp.runs.executing").gauge().value()).isZero();
				assertThat(registry.get("acp.runs.queued").gauge().value()).isZero();
				ThreadStore store = context.getBean(ThreadStore.class);
				Identity alice = Identity.user("alice", "Alice");
				String thread = store.createThread(new NewThread(TenantScope.of(Map.of()), null), alice)
					.block(WAIT)
					.thread()
					.id();
				store.addMember(thread, Identity.assistant("helper", "Helper"), "member", alice).block(WAIT);
				context.getBean(AssistantRuns.class)
					.invoke(thread, InvocationRequest.of(List.of("helper"), alice, null, null))
					.block(WAIT);
				// the run's end is counted, then timed
				await().atMost(WAIT).until(() -> {
					Timer duration = registry.find("acp.run.duration").tag("outcome", "completed").timer();
					return duration != null && duration.count() > 0;
				});
				assertThat(registry.get("acp.runs").tag("outcome", "completed").counter().count()).isOne();
				assertThat(registry.get("acp.run.duration").tag("outcome", "completed").timer().count()).isOne();
			});
	}

	@Test
	void withAnotherAssistantRunsMetersRunsButNoExecutor() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(AssistantRuns.class, NoAssistantRuns::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerRunMetrics.class);
				assertThat(context).doesNotHaveBean(RunExecutorMetrics.class);
				assertThat(context.getBean(MeterRegistry.class).find("acp.runs.executing").gauge()).isNull();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Helper {

		@Bean
		@AcpAssistant("helper")
		AssistantHandler helper() {
			return (context, send) -> Flux.just(send.reasoning("thinking"));
		}

	}

}
