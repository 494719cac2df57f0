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

package io.github.agentprotocols.happy.test.context;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@link FakeHappyServerConfiguration}: server, account and daemon as beans, the
 * connection details pointing at them, a log line saying it is a fake, all closed with
 * the context.
 */
@ExtendWith(OutputCaptureExtension.class)
class FakeHappyServerConfigurationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(FakeHappyServerConfiguration.class);

	@Test
	void connectionDetailsPointAtTheServerAsTheAccountWhoseDaemonRuns(CapturedOutput output) {
		this.runner.run((context) -> {
			FakeHappyServer server = context.getBean(FakeHappyServer.class);
			HappyTestAccount account = context.getBean(HappyTestAccount.class);
			HappyConnectionDetails connection = context.getBean(HappyConnectionDetails.class);
			assertThat(connection.getServerUrl()).isEqualTo(server.url());
			assertThat(connection.getToken()).isEqualTo(account.token());
			assertThat(connection.getSecret()).isEqualTo(account.secretBase64());
			String machineId = context.getBean(FakeHappyDaemon.class).machineId();
			assertThat(get(server.url() + "/v1/machines/" + machineId, connection.getToken()).statusCode())
				.isEqualTo(200);
			assertThat(output).contains("Happy runs locally: a fake Happy server of happy-client-test at "
					+ server.url() + " with a fake daemon, machine " + machineId);
		});
	}

	@Test
	void serverClosesWithTheContext() {
		String[] url = new String[1];
		this.runner.run((context) -> url[0] = context.getBean(FakeHappyServer.class).url());
		assertThatIOException().isThrownBy(() -> get(url[0] + "/v1/machines", "none"));
	}

	private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
