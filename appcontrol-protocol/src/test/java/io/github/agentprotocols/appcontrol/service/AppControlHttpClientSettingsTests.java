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

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.AppControlTransportException;
import io.github.agentprotocols.testsupport.SilentServer;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.TlsProxy;
import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code app-control.remote.*} leaves unset of the remote HTTP client's TLS and
 * timeouts comes from Spring Boot's HTTP client settings ({@code spring.http.clients.*});
 * what it sets wins over them.
 */
@SpringBootTest(classes = AppControlServiceHostIntegrationTests.DesktopApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=remote-service-token" })
class AppControlHttpClientSettingsTests {

	private static final TestCertificates certificates = TestCertificates.create();

	/** Far beyond any wait the tests allow: a timeout taken from it never fires. */
	private static final Duration NEVER = Duration.ofHours(1);

	@LocalServerPort
	int port;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class, AppControlAutoConfiguration.class));

	@Test
	void bootsSslBundleReachesTheRemoteHost() {
		try (TlsProxy proxy = TlsProxy.start(certificates, this.port, ClientAuthentication.NONE)) {
			List<String> properties = new ArrayList<>(certificates.bundleProperties("host"));
			properties.add("spring.http.clients.ssl.bundle=host");
			properties.add("app-control.remote.url=" + proxy.origin() + "/app-control/service");
			properties.add("app-control.remote.token=remote-service-token");
			this.runner.withPropertyValues(properties.toArray(String[]::new))
				.run((context) -> assertThat(run(context.getBean(AppControlClient.class))).isEqualTo(ToolStatus.OK));
			assertThat(proxy.firstLines()).containsExactly("POST /app-control/service HTTP/1.1");
		}
	}

	@Test
	void bootsReadTimeoutEndsTheWaitForAHostThatNeverAnswers() {
		try (SilentServer host = SilentServer.start()) {
			this.runner
				.withPropertyValues("spring.http.clients.read-timeout=500ms",
						"app-control.remote.url=" + host.origin() + "/app-control/service")
				.run((context) -> assertGivesUpWithinAMinute(context.getBean(AppControlClient.class)));
		}
	}

	@Test
	void theStartersOwnTimeoutWinsOverBoots() {
		try (SilentServer host = SilentServer.start()) {
			this.runner
				.withPropertyValues("spring.http.clients.read-timeout=" + NEVER.toSeconds() + "s",
						"app-control.remote.timeout=500ms",
						"app-control.remote.url=" + host.origin() + "/app-control/service")
				.run((context) -> assertGivesUpWithinAMinute(context.getBean(AppControlClient.class)));
		}
	}

	private static void assertGivesUpWithinAMinute(AppControlClient client) {
		long started = System.nanoTime();
		assertThatExceptionOfType(AppControlTransportException.class).isThrownBy(() -> run(client));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
	}

	private static ToolStatus run(AppControlClient client) {
		return client.runCommand(new ToolCommand("cmd_settings", "macos.computer_use", "open_app")).status();
	}

}
