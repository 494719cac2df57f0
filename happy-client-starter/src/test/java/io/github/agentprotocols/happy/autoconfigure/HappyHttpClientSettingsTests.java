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

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.happy.HappyConnectionException;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import io.github.agentprotocols.happy.SessionNotFoundException;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.FakeHappyServerExtension;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.testsupport.SilentServer;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.TlsProxy;
import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code happy.*} leaves unset of the Socket.IO connection's TLS and connect timeout
 * comes from Spring Boot's HTTP client settings ({@code spring.http.clients.*}), which
 * Boot's {@code WebClient.Builder} applies to the REST calls itself; what {@code happy.*}
 * sets wins over them.
 */
@ExtendWith(FakeHappyServerExtension.class)
class HappyHttpClientSettingsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final TestCertificates certificates = TestCertificates.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME);

	@Test
	void bootsSslBundleReachesTheRestCallsAndTheSocket(FakeHappyServer server, HappyTestAccount account) {
		try (TlsProxy proxy = TlsProxy.start(certificates, server.port(), ClientAuthentication.NONE)) {
			List<String> properties = new ArrayList<>(certificates.bundleProperties("happy"));
			properties.add("spring.http.clients.ssl.bundle=happy");
			properties.addAll(account(account, proxy.origin()));
			this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
				ReactiveHappyClient client = context.getBean(ReactiveHappyClient.class);
				assertThat(client.listMachines().block(WAIT)).isEmpty();
				assertThatExceptionOfType(SessionNotFoundException.class)
					.isThrownBy(() -> client.messages("no-such-session", 0).blockLast(WAIT));
				assertThat(client.isSocketConnected()).isTrue();
			});
			assertThat(proxy.firstLines()).anySatisfy((line) -> assertThat(line).startsWith("GET /v1/machines"))
				.anySatisfy((line) -> assertThat(line).startsWith("GET /v1/updates/?").contains("transport=websocket"));
		}
	}

	@Test
	void bootsConnectTimeoutEndsTheSocketsWaitForASilentServer(HappyTestAccount account) {
		try (SilentServer silent = SilentServer.start()) {
			List<String> properties = new ArrayList<>(account(account, silent.origin()));
			properties.add("spring.http.clients.connect-timeout=500ms");
			this.runner.withPropertyValues(properties.toArray(String[]::new))
				.run((context) -> assertSocketGivesUpWellBeforeTheDefault(context.getBean(ReactiveHappyClient.class)));
		}
	}

	@Test
	void happysOwnConnectTimeoutWinsOverBoots(HappyTestAccount account) {
		try (SilentServer silent = SilentServer.start()) {
			List<String> properties = new ArrayList<>(account(account, silent.origin()));
			properties.add("spring.http.clients.connect-timeout=1h");
			properties.add("happy.timeouts.connect=500ms");
			this.runner.withPropertyValues(properties.toArray(String[]::new))
				.run((context) -> assertSocketGivesUpWellBeforeTheDefault(context.getBean(ReactiveHappyClient.class)));
		}
	}

	private static void assertSocketGivesUpWellBeforeTheDefault(ReactiveHappyClient client) {
		long started = System.nanoTime();
		assertThatExceptionOfType(HappyConnectionException.class)
			.isThrownBy(() -> client.messages("no-such-session", 0).blockLast(WAIT));
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(ReactiveHappyClient.DEFAULT_CONNECT_TIMEOUT.dividedBy(2));
	}

	private static List<String> account(HappyTestAccount account, String serverUrl) {
		return List.of("happy.server-url=" + serverUrl, "happy.token=" + account.token(),
				"happy.secret=" + account.secretBase64());
	}

}
