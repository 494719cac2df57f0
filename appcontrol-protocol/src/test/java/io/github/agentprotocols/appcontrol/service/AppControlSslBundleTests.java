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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.TlsProxy;
import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code app-control.remote.ssl.bundle} names the SSL bundle of the HTTP client of a
 * remote service host, here a real host reached through a TLS server whose authority the
 * test makes: with the bundle commands run, without it the JDK's trust store rejects the
 * server; a server that requires a client certificate accepts the bundle's and refuses a
 * bundle without one; a name no bundle has fails the start-up, naming the property.
 */
@SpringBootTest(classes = AppControlServiceHostIntegrationTests.DesktopApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=remote-service-token" })
class AppControlSslBundleTests {

	private static final TestCertificates certificates = TestCertificates.create();

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	private TlsProxy proxy;

	@AfterEach
	void closeProxy() {
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void commandsRunThroughTheBundle() {
		remote(ClientAuthentication.NONE, bundle(certificates.bundleProperties("host"))).run((context) -> {
			assertThat(run(context.getBean(AppControlClient.class), "cmd_tls")).isEqualTo(ToolStatus.OK);
			assertThat(this.proxy.firstLines()).containsExactly("POST /app-control/service HTTP/1.1");
			assertThat(this.proxy.clientCertificates()).isEmpty();
		});
	}

	@Test
	void withoutTheBundleTheServerIsNotTrusted() {
		int before = this.tool.runs.get();
		remote(ClientAuthentication.NONE).run((context) -> {
			AppControlTransportException failure = assertThatExceptionOfType(AppControlTransportException.class)
				.isThrownBy(() -> run(context.getBean(AppControlClient.class), "cmd_untrusted"))
				.actual();
			assertThat(causes(failure)).hasAtLeastOneElementOfType(SSLHandshakeException.class);
			assertThat(this.proxy.handshakes()).isZero();
		});
		assertThat(this.tool.runs.get()).isEqualTo(before);
	}

	@Test
	void serverThatRequiresAClientCertificateAcceptsTheBundles() {
		remote(ClientAuthentication.REQUIRED, bundle(certificates.bundleProperties("host", certificates.client())))
			.run((context) -> {
				assertThat(run(context.getBean(AppControlClient.class), "cmd_mutual")).isEqualTo(ToolStatus.OK);
				assertThat(this.proxy.clientCertificates()).containsExactly("CN=agentprotocols test client");
			});
	}

	@Test
	void serverThatRequiresAClientCertificateRefusesABundleWithoutOne() {
		int before = this.tool.runs.get();
		remote(ClientAuthentication.REQUIRED, bundle(certificates.bundleProperties("host"))).run((context) -> {
			assertThatExceptionOfType(AppControlTransportException.class)
				.isThrownBy(() -> run(context.getBean(AppControlClient.class), "cmd_no_certificate"));
			assertThat(this.proxy.handshakes()).isZero();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.proxy.failedHandshakes()).isPositive());
		});
		assertThat(this.tool.runs.get()).isEqualTo(before);
	}

	@Test
	void bundleThatIsNotConfiguredFailsTheStartUpNamingTheProperty() {
		List<String> properties = new ArrayList<>(certificates.bundleProperties("host"));
		properties.add("app-control.remote.ssl.bundle=missing");
		remote(ClientAuthentication.NONE, properties.toArray(String[]::new)).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("app-control.remote.ssl.bundle names 'missing', but no"
					+ " SSL bundle of that name is configured under spring.ssl.bundle (configured: host).");
		});
	}

	private static ToolStatus run(AppControlClient client, String commandId) {
		return client.runCommand(new ToolCommand(commandId, "macos.computer_use", "open_app")).status();
	}

	private ApplicationContextRunner remote(ClientAuthentication clientAuthentication, String... properties) {
		this.proxy = TlsProxy.start(certificates, this.port, clientAuthentication);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, AppControlAutoConfiguration.class))
			.withPropertyValues("app-control.remote.url=" + this.proxy.origin() + "/app-control/service",
					"app-control.remote.token=remote-service-token")
			.withPropertyValues(properties);
	}

	private static String[] bundle(List<String> bundleProperties) {
		List<String> properties = new ArrayList<>(bundleProperties);
		properties.add("app-control.remote.ssl.bundle=host");
		return properties.toArray(String[]::new);
	}

	private static Stream<Throwable> causes(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
	}

}
