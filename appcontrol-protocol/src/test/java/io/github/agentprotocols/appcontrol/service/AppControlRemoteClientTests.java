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

package io.github.agentprotocols.appcontrol.service;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.autoconfigure.HttpAppControlClientBuilderCustomizer;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.observation.ClientRequestObservationConvention;
import io.github.agentprotocols.appcontrol.observation.DefaultClientRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code app-control.remote.url} makes an application the client of another application's
 * service host: its {@link AppControlClient} bean is an {@link HttpAppControlClient},
 * here talking to a real host on a random port.
 */
@SpringBootTest(classes = AppControlServiceHostIntegrationTests.DesktopApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=remote-service-token" })
class AppControlRemoteClientTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	private ApplicationContextRunner remote(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withPropertyValues("app-control.remote.url=http://127.0.0.1:" + this.port + "/app-control/service")
			.withPropertyValues(properties);
	}

	@Test
	void remoteClientRunsCommandsOnTheHost() {
		int before = this.tool.runs.get();
		remote("app-control.remote.token=remote-service-token").run((context) -> {
			assertThat(context).hasSingleBean(AppControlClient.class);
			ToolObservation observation = context.getBean(AppControlClient.class)
				.runCommand(
						new ToolCommand("cmd_remote", "macos.computer_use", "open_app", Map.of("app", "Notes"), 5000));
			assertThat(observation.status()).isEqualTo(ToolStatus.OK);
			assertThat(observation.commandId()).isEqualTo("cmd_remote");
		});
		assertThat(this.tool.runs.get()).isEqualTo(before + 1);
	}

	@Test
	void remoteClientObservesItsRequestsWithTheApplicationsRegistryAndConvention() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		remote("app-control.remote.token=remote-service-token").withBean(ObservationRegistry.class, () -> registry)
			.withBean(ClientRequestObservationConvention.class, () -> new DefaultClientRequestObservationConvention() {

				@Override
				public String getName() {
					return "desktop.remote.request";
				}

			})
			.run((context) -> context.getBean(AppControlClient.class)
				.runCommand(new ToolCommand("cmd_observed", "macos.computer_use", "open_app")));
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("desktop.remote.request")
			.that()
			.hasLowCardinalityKeyValue("appcontrol.transport", "http")
			.hasLowCardinalityKeyValue("appcontrol.command.status", "ok")
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_observed");
	}

	@Test
	void customizerChangesOneOptionAndKeepsTheRest() {
		AtomicInteger handedToTheOwnExecutor = new AtomicInteger();
		HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor((task) -> {
			handedToTheOwnExecutor.incrementAndGet();
			task.run();
		}).build();
		TestObservationRegistry registry = TestObservationRegistry.create();
		remote("app-control.remote.token=remote-service-token").withBean(ObservationRegistry.class, () -> registry)
			.withBean(HttpAppControlClientBuilderCustomizer.class, () -> (builder) -> builder.httpClient(own))
			.withBean(ClientRequestObservationConvention.class, () -> new DefaultClientRequestObservationConvention() {

				@Override
				public String getName() {
					return "desktop.remote.request";
				}

			})
			.run((context) -> assertThat(context.getBean(AppControlClient.class)
				.runCommand(new ToolCommand("cmd_customized", "macos.computer_use", "open_app"))
				.status()).isEqualTo(ToolStatus.OK));
		assertThat(handedToTheOwnExecutor).hasPositiveValue();
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("desktop.remote.request")
			.that()
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_customized");
	}

	@Test
	void customizersRunInTheirOrder() {
		remote().withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			ToolObservation observation = context.getBean(AppControlClient.class)
				.runCommand(new ToolCommand("cmd_ordered", "macos.computer_use", "open_app"));
			assertThat(observation.status()).isEqualTo(ToolStatus.OK);
			assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second");
		});
	}

	@Test
	void wrongTokenIsReportedByTheHost() {
		remote("app-control.remote.token=not-the-token")
			.run((context) -> assertThatExceptionOfType(AppControlTransportException.class)
				.isThrownBy(() -> context.getBean(AppControlClient.class)
					.runCommand(new ToolCommand("cmd_denied", "macos.computer_use", "open_app", Map.of(), 5000))));
	}

	@Test
	void anApplicationClientBeanWins() {
		AppControlClient own = (command, observer) -> ToolObservation.ok(command.commandId(), command.tool(),
				command.operation(), "own", null);
		remote().withBean(AppControlClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(AppControlClient.class)).isSameAs(own));
	}

	@Test
	void withoutAUrlThereIsNoRemoteClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AppControlClient.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		HttpAppControlClientBuilderCustomizer second() {
			return (builder) -> {
				this.applied.add("second");
				builder.token("remote-service-token");
			};
		}

		@Bean
		@Order(1)
		HttpAppControlClientBuilderCustomizer first() {
			return (builder) -> {
				this.applied.add("first");
				builder.token("not-the-token");
			};
		}

	}

}
