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

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.security.SocketIoCsrfExemption;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.acp.socketio.SocketIoBridge;
import io.github.agentprotocols.acp.socketio.SocketIoOnApplicationPort;
import io.github.agentprotocols.acp.socketio.SocketIoBroadcastListener;
import io.github.agentprotocols.acp.socketio.SocketIoSettings;
import io.github.agentprotocols.acp.socketio.TestSocket;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AcpSocketIoAutoConfiguration}.
 */
class AcpSocketIoAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(
			AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class, AcpRunsAutoConfiguration.class,
			AcpSocketIoAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(configurations)
		.withUserConfiguration(Authenticator.class);

	@Test
	void servesSocketIoInAReactiveWebApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AcpSocketIoServer.class)
				.hasSingleBean(SocketIoBroadcastListener.class)
				.hasSingleBean(SocketIoBridge.class);
			assertThat(context.getBean("acpSocketIoHandlerMapping", SimpleUrlHandlerMapping.class).getUrlMap())
				.containsOnlyKeys("/socket.io/**");
			AcpSocketIoServer server = context.getBean(AcpSocketIoServer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(server.port()).isPositive();
		});
	}

	@Test
	void servesSocketIoInPlaceUnlessSpringSecuritysChainRunsOrTheBridgeIsAskedFor() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SocketIoOnApplicationPort.class));
		this.runner.withPropertyValues("acp.socketio.application-port=bridge")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketIoOnApplicationPort.class));
		this.runner.withPropertyValues("acp.socketio.application-port=in-place")
			.run((context) -> assertThat(context).hasSingleBean(SocketIoOnApplicationPort.class));
		this.runner.withUserConfiguration(AcpAutoConfigurationTests.Security.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketIoOnApplicationPort.class));
		this.runner.withUserConfiguration(AcpAutoConfigurationTests.Security.class)
			.withPropertyValues("acp.socketio.application-port=in-place")
			.run((context) -> assertThat(context).hasSingleBean(SocketIoOnApplicationPort.class));
		this.runner.withPropertyValues("acp.socketio.application-port=sideways").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("acp.socketio.application-port").contains("sideways");
		});
	}

	@Test
	void mapsItsProperties() {
		this.runner
			.withPropertyValues("acp.socketio.path=/acp/ws/", "acp.replay-cap=7",
					"acp.socketio.allowed-origins=https://app.example", "acp.limits.max-body-size=2KB")
			.run((context) -> {
				SocketIoSettings settings = context.getBean(AcpSocketIoServer.class).settings();
				assertThat(settings.path()).isEqualTo("/acp/ws");
				assertThat(settings.port()).isNull();
				assertThat(settings.replayCap()).isEqualTo(7);
				assertThat(settings.maxPayloadBytes()).isEqualTo(2048);
				assertThat(settings.allowedOrigins().isAllowed("https://app.example", "127.0.0.1:8080")).isTrue();
				assertThat(settings.allowedOrigins().isAllowed("https://evil.example", "127.0.0.1:8080")).isFalse();
			});
	}

	@Test
	void servesTheAdditionalPathsOnTheApplicationsPort() {
		this.runner.withPropertyValues("acp.socketio.path=/acp/ws", "acp.socketio.additional-paths=/socket.io/,/legacy")
			.run((context) -> {
				assertThat(context.getBean(AcpSocketIoServer.class).settings().additionalPaths())
					.containsExactly("/socket.io", "/legacy");
				assertThat(context.getBean("acpSocketIoHandlerMapping", SimpleUrlHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/acp/ws/**", "/socket.io/**", "/legacy/**");
			});
		this.runner.withPropertyValues("acp.socketio.additional-paths=/socket.io")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("the Socket.IO paths must be distinct"));
	}

	@Test
	void directPortListensOnLoopbackUnlessAnAddressIsSet() throws IOException {
		InetAddress external = nonLoopbackAddress();
		assumeThat(external).as("a network interface other than loopback").isNotNull();
		this.runner.withPropertyValues("acp.socketio.port=0").run((context) -> {
			int port = context.getBean(AcpSocketIoServer.class).port();
			assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
			assertThat(connects(external, port)).isFalse();
		});
		this.runner.withPropertyValues("acp.socketio.port=0", "acp.socketio.address=0.0.0.0").run((context) -> {
			int port = context.getBean(AcpSocketIoServer.class).port();
			assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
			assertThat(connects(external, port)).isTrue();
		});
	}

	private static @Nullable InetAddress nonLoopbackAddress() throws IOException {
		return NetworkInterface.networkInterfaces()
			.filter(AcpSocketIoAutoConfigurationTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst()
			.orElse(null);
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 5000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void socketIoServerCustomizerChangesOneOptionAndKeepsTheRest() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		new ReactiveWebApplicationContextRunner().withConfiguration(configurations)
			.withBean(AcpAuthenticator.class, () -> (handshake) -> Mono.just(Identity.user("alice", "Alice")))
			.withPropertyValues("acp.socketio.port=0", "acp.replay-cap=7")
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(AcpSocketIoServerBuilderCustomizer.class,
					() -> (builder) -> builder.namespaceCheck((path, identity) -> {
						throw new AcpException(AcpErrorCode.NAMESPACE_MISMATCH, "not this one");
					}))
			.run((context) -> {
				AcpSocketIoServer server = context.getBean(AcpSocketIoServer.class);
				assertThat(server.settings().replayCap()).isEqualTo(7);
				try (TestSocket socket = TestSocket.open("http://127.0.0.1:" + server.port(), "websocket", "alice")) {
					JsonNode refusal = socket.connectError();
					assertThat(refusal).isNotNull();
					assertThat(refusal.path("data").path("code").stringValue()).isEqualTo("namespace_mismatch");
				}
				// the refusal is sent before its observation stops
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(observations).hasObservationWithNameEqualTo("acp.socketio.event")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("acp.socketio.event", "connect")
						.hasLowCardinalityKeyValue("outcome", "namespace_mismatch"));
			});
	}

	@Test
	void customizersOfEveryBuilderRunInTheirOrder() {
		this.runner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			assertThat(context).hasSingleBean(AcpSocketIoServer.class);
			List<String> applied = context.getBean(OrderedCustomizers.class).applied;
			assertThat(applied).hasSize(6)
				.containsSubsequence("operations first", "operations second")
				.containsSubsequence("runs first", "runs second")
				.containsSubsequence("socketio first", "socketio second");
		});
	}

	@Test
	void exemptsTheEngineIoPathsFromCsrfProtectionWhenSpringSecurityRuns() {
		this.runner.withUserConfiguration(AcpAutoConfigurationTests.Security.class)
			.run((context) -> assertThat(context).hasSingleBean(SocketIoCsrfExemption.class));
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketIoCsrfExemption.class));
		this.runner.withUserConfiguration(AcpAutoConfigurationTests.Security.class)
			.withClassLoader(new FilteredClassLoader(CsrfWebFilter.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketIoCsrfExemption.class));
	}

	@Test
	void backsOffWhenDisabledOrNotAReactiveWebApplication() {
		this.runner.withPropertyValues("acp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AcpSocketIoServer.class));
		new ApplicationContextRunner().withConfiguration(configurations)
			.withUserConfiguration(Authenticator.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AcpSocketIoServer.class));
	}

	@Test
	void leavesNothingRunningWhenClosed() throws InterruptedException {
		try (BackgroundWorkProbe probe = BackgroundWorkProbe.start()) {
			this.runner.withInitializer(probe.initializer())
				.run((context) -> assertThat(context.getBean(AcpSocketIoServer.class).isRunning()).isTrue());
			probe.assertNothingLeft(Duration.ofMillis(500));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		private final List<String> applied = new ArrayList<>();

		@Bean
		@Order(2)
		AcpOperationsBuilderCustomizer secondOperationsCustomizer() {
			return (builder) -> this.applied.add("operations second");
		}

		@Bean
		@Order(1)
		AcpOperationsBuilderCustomizer firstOperationsCustomizer() {
			return (builder) -> this.applied.add("operations first");
		}

		@Bean
		@Order(2)
		RunExecutorBuilderCustomizer secondRunsCustomizer() {
			return (builder) -> this.applied.add("runs second");
		}

		@Bean
		@Order(1)
		RunExecutorBuilderCustomizer firstRunsCustomizer() {
			return (builder) -> this.applied.add("runs first");
		}

		@Bean
		@Order(2)
		AcpSocketIoServerBuilderCustomizer secondSocketIoCustomizer() {
			return (builder) -> this.applied.add("socketio second");
		}

		@Bean
		@Order(1)
		AcpSocketIoServerBuilderCustomizer firstSocketIoCustomizer() {
			return (builder) -> this.applied.add("socketio first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Authenticator {

		@Bean
		AcpAuthenticator authenticator() {
			return (handshake) -> Mono.empty();
		}

	}

}
