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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyEndpoint;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFakeHappyServer} in a Spring test: the server, account and daemon
 * as beans, the Happy properties pointing at them, faults reset between tests.
 */
@SpringJUnitConfig(AutoConfigureFakeHappyServerTests.Config.class)
@AutoConfigureFakeHappyServer(shortRpcWaits = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeHappyServerTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private FakeHappyServer server;

	@Autowired
	private HappyTestAccount account;

	@Autowired
	private FakeHappyDaemon daemon;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void propertiesPointAtTheServerAndItsAccount() {
		assertThat(this.environment.getProperty("happy.server-url")).isEqualTo(this.server.url());
		assertThat(this.environment.getProperty("happy.token")).isEqualTo(this.account.token());
		assertThat(this.environment.getProperty("happy.secret")).isEqualTo(this.account.secretBase64());
	}

	@Test
	@Order(2)
	void daemonMachineIsRegisteredForTheAccount() throws Exception {
		HttpResponse<String> machine = get("/v1/machines/" + this.daemon.machineId());
		assertThat(machine.statusCode()).isEqualTo(200);
		this.server.faults().failNext(HappyEndpoint.LIST_MACHINES, 5, 503);
	}

	@Test
	@Order(3)
	void faultsAreResetBeforeEachTest() throws Exception {
		assertThat(get("/v1/machines").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(this.server.url() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.account.token())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
