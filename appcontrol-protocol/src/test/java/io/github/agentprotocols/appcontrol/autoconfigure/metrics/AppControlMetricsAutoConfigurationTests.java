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

import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.metrics.MicrometerAppControlMetrics;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the service host's meters are registered.
 */
class AppControlMetricsAutoConfigurationTests {

	private static final AppControlClient CLIENT = (command, observer) -> ToolObservation.ok(command.commandId(),
			command.tool(), command.operation(), "done", Map.of());

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withPropertyValues("management.metrics.use-global-registry=false", "app-control.service.enabled=true",
				"app-control.service.token=local-service-token")
		.withBean(AppControlClient.class, () -> CLIENT)
		.withConfiguration(
				AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AppControlAutoConfiguration.class,
						AppControlMetricsAutoConfiguration.class, MetricsAutoConfiguration.class));

	private static void run(AppControlServiceHost host) {
		host.run(ServiceRequest.run(new ToolCommand("cmd_1", "macos.computer_use", "open_app"), "local-service-token"))
			.block();
	}

	@Test
	void commandsTheHostRunsAreTimedByActionAndStatus() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerAppControlMetrics.class);
			run(context.getBean(AppControlServiceHost.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("appcontrol.service.commands")
				.tag("action", "run")
				.tag("status", "ok")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void withoutAMeterRegistryTheHostRecordsNothing() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(AppControlServiceHost.class)
			.doesNotHaveBean(AppControlMetrics.class));
	}

	@Test
	void withoutMicrometerTheHostRecordsNothing() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AppControlServiceHost.class)
				.doesNotHaveBean(AppControlMetrics.class));
	}

	@Test
	void withoutTheServiceHostThereIsNothingToMeasure() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("app-control.service.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AppControlMetrics.class));
	}

	@Test
	void metersCanBeDisabledLikeAnyOthers() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.metrics.enable.appcontrol=false")
			.run((context) -> {
				run(context.getBean(AppControlServiceHost.class));
				assertThat(context.getBean(MeterRegistry.class).find("appcontrol.service.commands").timer()).isNull();
			});
	}

	@Test
	void applicationMetricsWin() {
		AppControlMetrics own = new AppControlMetrics() {
		};
		this.runner.withBean(SimpleMeterRegistry.class)
			.withBean(AppControlMetrics.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerAppControlMetrics.class)
				.getBean(AppControlMetrics.class)
				.isSameAs(own));
	}

	@Test
	void disabledStarterRegistersNoMeters() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("app-control.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AppControlMetrics.class));
	}

}
