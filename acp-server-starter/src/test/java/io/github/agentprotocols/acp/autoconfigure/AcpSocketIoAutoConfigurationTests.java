package io.github.agentprotocols.acp.autoconfigure;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.socketio.AcpSocketIoServer;
import io.github.agentprotocols.acp.socketio.SocketIoBridge;
import io.github.agentprotocols.acp.socketio.SocketIoBroadcastListener;
import io.github.agentprotocols.acp.socketio.SocketIoSettings;
import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.BackgroundWorkProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
	static class Authenticator {

		@Bean
		AcpAuthenticator authenticator() {
			return (handshake) -> Mono.empty();
		}

	}

}
