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

package io.github.agentprotocols.happy.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.TlsProxy;
import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code happy.ssl.bundle} names the SSL bundle of the REST calls and of the Socket.IO
 * connection, here reaching the fake Happy server through a TLS server whose authority
 * the test makes: with the bundle both go through TLS, without it the JDK's trust store
 * rejects the server on both; a server that requires a client certificate accepts the
 * bundle's on both; a name no bundle has fails the start-up, naming the property.
 */
class HappySslBundleTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final TestCertificates certificates = TestCertificates.create();

	private static FakeHappyServer server;

	private static HappyTestAccount account;

	private TlsProxy proxy;

	@BeforeAll
	static void startServer() {
		server = FakeHappyServer.start();
		account = HappyTestAccount.create(server);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@AfterEach
	void closeProxy() {
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void restCallsAndTheSocketGoThroughTheBundle() {
		runner(ClientAuthentication.NONE, bundle(certificates.bundleProperties("happy"))).run((context) -> {
			restCallAndSocketOverTls(context.getBean(ReactiveHappyClient.class));
			assertThat(this.proxy.clientCertificates()).isEmpty();
		});
	}

	@Test
	void serverThatRequiresAClientCertificateAcceptsTheBundlesOnBoth() {
		runner(ClientAuthentication.REQUIRED, bundle(certificates.bundleProperties("happy", certificates.client())))
			.run((context) -> {
				restCallAndSocketOverTls(context.getBean(ReactiveHappyClient.class));
				assertThat(this.proxy.clientCertificates()).hasSize(this.proxy.handshakes())
					.allSatisfy((subject) -> assertThat(subject).isEqualTo("CN=agentprotocols test client"));
			});
	}

	@Test
	void withoutTheBundleNeitherTheRestCallsNorTheSocketTrustTheServer() {
		runner(ClientAuthentication.NONE).run((context) -> {
			ReactiveHappyClient client = context.getBean(ReactiveHappyClient.class);
			Throwable rest = assertThatException().isThrownBy(() -> client.listMachines().block(WAIT)).actual();
			assertThat(causes(rest)).hasAtLeastOneElementOfType(SSLHandshakeException.class);
			assertThatExceptionOfType(HappyConnectionException.class)
				.isThrownBy(() -> client.messages("no-such-session", 0).blockLast(WAIT));
			assertThat(client.isSocketConnected()).isFalse();
			assertThat(this.proxy.handshakes()).isZero();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.proxy.failedHandshakes()).isGreaterThanOrEqualTo(2));
		});
	}

	@Test
	void bundleThatIsNotConfiguredFailsTheStartUpNamingTheProperty() {
		List<String> properties = new ArrayList<>(certificates.bundleProperties("happy"));
		properties.add("happy.ssl.bundle=missing");
		runner(ClientAuthentication.NONE, properties.toArray(String[]::new)).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("happy.ssl.bundle names 'missing', but no SSL bundle"
					+ " of that name is configured under spring.ssl.bundle (configured: happy).");
		});
	}

	/**
	 * A REST call, then the socket: {@code messages} connects it before it looks the
	 * session up over REST.
	 */
	private void restCallAndSocketOverTls(ReactiveHappyClient client) {
		assertThat(client.listMachines().block(WAIT)).isEmpty();
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> client.messages("no-such-session", 0).blockLast(WAIT));
		assertThat(client.isSocketConnected()).isTrue();
		assertThat(this.proxy.firstLines()).anySatisfy((line) -> assertThat(line).startsWith("GET /v1/machines"))
			.anySatisfy((line) -> assertThat(line).startsWith("GET /v1/updates/?").contains("transport=websocket"));
	}

	private ApplicationContextRunner runner(ClientAuthentication clientAuthentication, String... properties) {
		this.proxy = TlsProxy.start(certificates, server.port(), clientAuthentication);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebClientAutoConfiguration.class,
					AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class))
			.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME,
					"happy.server-url=" + this.proxy.origin(), "happy.token=" + account.token(),
					"happy.secret=" + account.secretBase64(), "happy.timeouts.connect=5s")
			.withPropertyValues(properties);
	}

	private static String[] bundle(List<String> bundleProperties) {
		List<String> properties = new ArrayList<>(bundleProperties);
		properties.add("happy.ssl.bundle=happy");
		return properties.toArray(String[]::new);
	}

	private static Stream<Throwable> causes(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
	}

}
