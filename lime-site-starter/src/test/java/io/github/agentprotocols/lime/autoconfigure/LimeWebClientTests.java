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

package io.github.agentprotocols.lime.autoconfigure;

import java.time.Duration;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LIME clients are built from Spring Boot's {@code WebClient.Builder}, which the
 * starter brings ({@code spring-boot-webclient}): the application's customizers and
 * Boot's observation of HTTP clients reach every call to the LIME API.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeWebClientTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
						AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
		.withBean(ObservationRegistry.class, TestObservationRegistry::create)
		.withBean(WebClientCustomizer.class,
				() -> (builder) -> builder.defaultHeader("X-Application-Customizer", "applied"));

	@Test
	void theApplicationsCustomizerReachesTheSiteAndTheEventStream(FakeLimeApi fake) {
		this.contextRunner
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken())
			.run((context) -> {
				context.getBean(LimeSite.class).createLoginRequest().block(WAIT);
				assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).singleElement()
					.satisfies(
							(request) -> assertThat(request.header("X-Application-Customizer")).isEqualTo("applied"));
				await().atMost(WAIT).until(() -> !fake.requests().of(Endpoint.EVENTS).isEmpty());
				assertThat(fake.requests().of(Endpoint.EVENTS)).allSatisfy(
						(request) -> assertThat(request.header("X-Application-Customizer")).isEqualTo("applied"));
			});
	}

	@Test
	void bootObservesEveryCallAsAnHttpClientRequest(FakeLimeApi fake) {
		this.contextRunner
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken())
			.run((context) -> {
				context.getBean(LimeSite.class).createLoginRequest().block(WAIT);
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				TestObservationRegistryAssert.assertThat(registry)
					.hasAnObservation((observation) -> observation.hasNameEqualTo("http.client.requests")
						.hasLowCardinalityKeyValue("method", "POST")
						.hasLowCardinalityKeyValue("status", "201"))
					.hasAnObservation((observation) -> observation.hasNameEqualTo("http.client.requests")
						.hasLowCardinalityKeyValue("method", "GET"));
			});
	}

}
