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

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Happy client's REST calls go through Spring Boot's {@code WebClient.Builder}, which
 * the starter brings ({@code spring-boot-webclient}): the application's customizers and
 * Boot's observation of HTTP clients reach them.
 */
class HappyWebClientTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
						AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME)
		.withBean(ObservationRegistry.class, TestObservationRegistry::create)
		.withBean(WebClientCustomizer.class,
				() -> (builder) -> builder.defaultHeader("X-Application-Customizer", "applied"));

	@Test
	void theApplicationsCustomizerAndBootsObservationReachEveryRestCall() {
		try (FakeHappyServer server = FakeHappyServer.start()) {
			HappyTestAccount account = HappyTestAccount.create(server);
			this.runner
				.withPropertyValues("happy.server-url=" + server.url(), "happy.token=" + account.token(),
						"happy.secret=" + account.secretBase64())
				.run((context) -> {
					assertThat(context.getBean(HappyClient.class).listMachines()).isEmpty();
					assertThat(server.receivedHeaders())
						.filteredOn((received) -> received.request().path().equals("/v1/machines"))
						.singleElement()
						.satisfies((received) -> assertThat(received.header("X-Application-Customizer"))
							.isEqualTo("applied"));
					TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
						.hasAnObservation((observation) -> observation.hasNameEqualTo("http.client.requests")
							.hasLowCardinalityKeyValue("method", "GET")
							.hasLowCardinalityKeyValue("status", "200"));
				});
		}
	}

}
