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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ServiceRejection;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AppControlServiceHostBuilderCustomizer} beans change options of the
 * auto-configured host's builder, in order, and leave the rest of the auto-configuration
 * as it is.
 */
class AppControlServiceHostBuilderCustomizerTests {

	private final List<String> recorded = new CopyOnWriteArrayList<>();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
		.withBean(AppControlClient.class, () -> AppControlServiceHostBuilderCustomizerTests::slowTool)
		.withBean(AppControlMetrics.class, () -> new AppControlMetrics() {

			@Override
			public void commandCompleted(ServiceAction action, ToolObservation observation, Duration duration) {
				AppControlServiceHostBuilderCustomizerTests.this.recorded
					.add(action.wireValue() + " " + observation.status().wireValue());
			}

		})
		.withBean(ObservationRegistry.class, () -> this.observations)
		.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=local-service-token");

	/** A tool that takes a second, unless its thread is interrupted. */
	private static ToolObservation slowTool(ToolCommand command, @Nullable ToolObserver observer) {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return ToolObservation.ok(command.commandId(), command.tool(), command.operation(), "done", null);
	}

	private static ServiceResponse run(AppControlServiceHost host, String token) {
		ToolCommand command = new ToolCommand("cmd_slow", "macos.computer_use", "open_app");
		return host.run(host.accept(ServiceRequest.run(command, token).toMap())).block();
	}

	@Test
	void customizerChangesOneOptionAndKeepsTheRest() {
		this.runner
			.withBean(AppControlServiceHostBuilderCustomizer.class,
					() -> (builder) -> builder.commandTimeout(Duration.ofMillis(100)))
			.run((context) -> {
				AppControlServiceHost host = context.getBean(AppControlServiceHost.class);
				ServiceResponse response = run(host, "local-service-token");
				assertThat(response.observation()).containsEntry("status", "timeout");
				assertThat(response.observation().get("error").toString()).contains("command timed out after 100 ms");
				assertThatExceptionOfType(ServiceRejection.class).isThrownBy(() -> run(host, "not-the-token"))
					.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
			});
		assertThat(this.recorded).containsExactly("run timeout");
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("appcontrol.service.command")
			.that()
			.hasLowCardinalityKeyValue("appcontrol.command.status", "timeout");
	}

	@Test
	void customizersRunInTheirOrder() {
		this.runner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			ServiceResponse response = run(context.getBean(AppControlServiceHost.class), "local-service-token");
			assertThat(response.observation().get("error").toString()).contains("command timed out after 150 ms");
			assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		AppControlServiceHostBuilderCustomizer second() {
			return (builder) -> {
				this.applied.add("second");
				builder.commandTimeout(Duration.ofMillis(150));
			};
		}

		@Bean
		@Order(1)
		AppControlServiceHostBuilderCustomizer first() {
			return (builder) -> {
				this.applied.add("first");
				builder.commandTimeout(Duration.ofMinutes(5));
			};
		}

	}

}
