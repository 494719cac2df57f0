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

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.appcontrol.client.HelperAppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperTransport;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketHelperTransport;
import io.github.agentprotocols.appcontrol.config.AppControlConfigException;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.testsupport.VirtualThreads;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Unix-domain-socket transports as the starter configures them: the helper client for
 * {@code app-control.computer-use.backend=helper}, the client of a {@code unix:} remote
 * host, and the service host on {@code app-control.service.socket-path} with its socket
 * file's life cycle.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class AppControlUnixSocketAutoConfigurationTests {

	@TempDir
	Path directory;

	/**
	 * Acceptors of servers in other contexts of this JVM, such as cached test contexts.
	 */
	private final List<Thread> acceptorsOfOtherServers = allAcceptors();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class));

	private ApplicationContextRunner service() {
		return this.runner
			.withBean(AppControlClient.class,
					() -> (command, observer) -> ToolObservation.ok(command.commandId(), command.tool(),
							command.operation(), "done", null))
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token",
					"app-control.service.socket-path=" + this.directory.resolve("run/service.sock"));
	}

	private Path socket() {
		return this.directory.resolve("run/service.sock");
	}

	@Test
	void serviceHostOnASocketPathRunsWithoutAWebServerAndRemovesItsSocketFileWhenTheContextCloses() {
		service().run((context) -> {
			assertThat(context).hasSingleBean(AppControlServiceHost.class).hasSingleBean(UnixSocketServiceServer.class);
			assertThat(context.getBean(UnixSocketServiceServer.class).isRunning()).isTrue();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
			assertThat(acceptors()).singleElement().satisfies((thread) -> assertThat(thread.isDaemon()).isFalse());
			UnixSocketAppControlClient client = UnixSocketAppControlClient.create(socket(), "test-service-token");
			assertThat(client.runCommand(new ToolCommand("c", "t", "o")).summary()).isEqualTo("done");
		});
		assertThat(socket()).doesNotExist();
		assertThat(acceptors()).isEmpty();
	}

	@Test
	void commandsAndConnectionsRunOnVirtualThreadsWhenTheApplicationDoesAndTheJvmHasThem() {
		ServedOn servedOn = servedOn("spring.threads.virtual.enabled=true");
		assertThat(VirtualThreads.isVirtual(servedOn.command())).isEqualTo(VirtualThreads.available());
		if (VirtualThreads.available()) {
			assertThat(servedOn.command().getName()).startsWith(AppControlServiceHost.THREAD_NAME_PREFIX + "-");
			assertThat(servedOn.platformConnectionThreads()).isEmpty();
		}
		else {
			assertThat(servedOn.platformConnectionThreads()).hasSize(1);
		}
	}

	@Test
	void commandsAndConnectionsRunOnPlatformThreadsByDefault() {
		ServedOn servedOn = servedOn("spring.threads.virtual.enabled=false");
		assertThat(VirtualThreads.isVirtual(servedOn.command())).isFalse();
		assertThat(servedOn.command().getName()).startsWith(AppControlServiceHost.THREAD_NAME_PREFIX + "-");
		assertThat(servedOn.platformConnectionThreads()).hasSize(1);
	}

	/**
	 * Runs a command through the socket and tells the thread the command ran on, and the
	 * platform threads that served a connection meanwhile.
	 */
	private ServedOn servedOn(String virtualThreads) {
		AtomicReference<ServedOn> servedOn = new AtomicReference<>();
		List<Thread> ofEarlierServers = platformConnectionThreads();
		AppControlClient recording = (command, observer) -> {
			List<Thread> connectionThreads = platformConnectionThreads().stream()
				.filter((thread) -> !ofEarlierServers.contains(thread))
				.toList();
			servedOn.set(new ServedOn(Thread.currentThread(), connectionThreads));
			return ToolObservation.ok(command.commandId(), command.tool(), command.operation(), "done", null);
		};
		this.runner.withBean(AppControlClient.class, () -> recording)
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token",
					"app-control.service.socket-path=" + socket(), virtualThreads)
			.run((context) -> assertThat(UnixSocketAppControlClient.create(socket(), "test-service-token")
				.runCommand(new ToolCommand("c", "t", "o"))
				.summary()).isEqualTo("done"));
		return servedOn.get();
	}

	@Test
	void staleSocketFileIsReplaced() throws IOException {
		Files.createDirectories(socket().getParent());
		try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			gone.bind(UnixDomainSocketAddress.of(socket()));
		}
		assertThat(socket()).exists();
		service().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(UnixSocketAppControlClient.create(socket(), "test-service-token")
				.runCommand(new ToolCommand("c", "t", "o"))
				.summary()).isEqualTo("done");
		});
	}

	@Test
	void pathThatIsNotASocketFailsStartUpAndIsLeftAlone() throws IOException {
		Files.createDirectories(socket().getParent());
		Files.writeString(socket(), "not a socket");
		service().run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageContaining("exists and is not a socket"));
		assertThat(socket()).hasContent("not a socket");
	}

	@Test
	void socketAnotherProcessListensOnFailsStartUpAndIsLeftAlone() throws IOException {
		Files.createDirectories(socket().getParent());
		try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			other.bind(UnixDomainSocketAddress.of(socket()));
			service().run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("another process listens on this socket"));
			try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
				assertThat(probe.connect(UnixDomainSocketAddress.of(socket()))).isTrue();
			}
		}
	}

	@Test
	void serviceHostWithoutATransportIsNotCreated() {
		this.runner
			.withPropertyValues("app-control.service.enabled=true", "app-control.service.token=test-service-token")
			.run((context) -> assertThat(context).doesNotHaveBean(AppControlServiceHost.class)
				.doesNotHaveBean(UnixSocketServiceServer.class));
	}

	@Test
	void helperBackendSendsCommandsToTheHelpersSocket() {
		Path endpoint = this.directory.resolve("helper.sock");
		this.runner
			.withPropertyValues("app-control.computer-use.backend=Helper", "app-control.helper.endpoint=" + endpoint)
			.run((context) -> {
				assertThat(context).hasSingleBean(HelperTransport.class);
				assertThat(context.getBean(HelperTransport.class)).isInstanceOf(UnixSocketHelperTransport.class);
				assertThat(context.getBean(AppControlClient.class)).isInstanceOf(HelperAppControlClient.class);
				assertThatExceptionOfType(AppControlTransportException.class)
					.isThrownBy(
							() -> context.getBean(AppControlClient.class).runCommand(new ToolCommand("c", "t", "o")))
					.withMessageStartingWith("helper at " + endpoint + " has no socket");
			});
	}

	@Test
	void helperClientObservesItsRoundTripsWithTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner
			.withPropertyValues("app-control.computer-use.backend=helper",
					"app-control.helper.endpoint=" + this.directory.resolve("helper.sock"))
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> assertThatExceptionOfType(AppControlTransportException.class)
				.isThrownBy(() -> context.getBean(AppControlClient.class)
					.runCommand(new ToolCommand("cmd_h", "macos.computer_use", "open_app"))));
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("appcontrol.helper.request")
			.that()
			.hasHighCardinalityKeyValue("appcontrol.command.id", "cmd_h")
			.assertThatError()
			.hasMessageContaining("has no socket");
	}

	@Test
	void helperBackendNeedsAnEndpoint() {
		this.runner.withPropertyValues("app-control.computer-use.backend=helper")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingProtocolPropertyException.class)
				.hasMessageContaining("app-control.helper.endpoint"));
	}

	@Test
	void helperBackendNeedsTheUnixSocketTransport() {
		this.runner
			.withPropertyValues("app-control.computer-use.backend=helper", "app-control.helper.endpoint=/tmp/h.sock",
					"app-control.helper.transport=tcp")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("unsupported helper transport: tcp"));
	}

	@Test
	void unsupportedHelperTransportIsAConfigurationErrorNamingItsProperty() {
		this.runner
			.withPropertyValues("app-control.computer-use.backend=helper", "app-control.helper.endpoint=/tmp/h.sock",
					"app-control.helper.transport=tcp")
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause()
					.isInstanceOfSatisfying(AppControlConfigException.class,
							(ex) -> assertThat(ex.getKey()).isEqualTo("helper.transport"));
				assertThat(new AppControlConfigFailureAnalyzer().analyze(failure).getAction())
					.contains("app-control.helper.transport");
			});
	}

	@Test
	void directBackendHasNoHelperClient() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(HelperTransport.class)
			.doesNotHaveBean(AppControlClient.class));
	}

	@Test
	void remoteHostWinsOverTheHelperBackendAndMayBeOnAUnixSocket() {
		this.runner
			.withPropertyValues("app-control.computer-use.backend=helper",
					"app-control.remote.url=unix:" + this.directory.resolve("remote.sock"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HelperTransport.class);
				assertThat(context.getBean(AppControlClient.class)).isInstanceOf(UnixSocketAppControlClient.class);
				assertThatExceptionOfType(AppControlTransportException.class)
					.isThrownBy(
							() -> context.getBean(AppControlClient.class).runCommand(new ToolCommand("c", "t", "o")))
					.withMessageContaining(this.directory.resolve("remote.sock").toString());
			});
		this.runner.withPropertyValues("app-control.remote.url=http://127.0.0.1:1/app-control/service")
			.run((context) -> assertThat(context.getBean(AppControlClient.class))
				.isInstanceOf(HttpAppControlClient.class));
	}

	private record ServedOn(Thread command, List<Thread> platformConnectionThreads) {

	}

	private static List<Thread> platformConnectionThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().matches(UnixSocketServiceServer.THREAD_NAME_PREFIX + "-\\d+"))
			.toList();
	}

	private List<Thread> acceptors() {
		return allAcceptors().stream().filter((thread) -> !this.acceptorsOfOtherServers.contains(thread)).toList();
	}

	private static List<Thread> allAcceptors() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(UnixSocketServiceServer.THREAD_NAME_PREFIX + "-acceptor"))
			.filter(Thread::isAlive)
			.toList();
	}

}
