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

package io.github.agentprotocols.lime;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.context.FakeLimeApiConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole login in an application run locally as {@code ./mvnw spring-boot:test-run} runs
 * it: {@code SpringApplication.from(…).with(FakeLimeApiConfiguration.class)}, the site
 * token left to an unset environment variable, the fake's agent approving.
 */
@ExtendWith(OutputCaptureExtension.class)
class FakeLimeApiConfigurationLoginTests {

	private static final Duration DELIVERY = Duration.ofSeconds(10);

	@Test
	void agentLogsInWithNoSiteTokenConfigured(CapturedOutput output) throws InterruptedException {
		try (ConfigurableApplicationContext context = SpringApplication.from(LoginApplication::main)
			.with(FakeLimeApiConfiguration.class)
			.run("--spring.main.web-application-type=none", "--lime.site.token=${LIME_TEST_UNSET_SITE_TOKEN}")
			.getApplicationContext()) {
			LimeSite site = context.getBean(LimeSite.class);
			FakeLimeApi fake = context.getBean(FakeLimeApi.class);
			assertThat(site.getApiBase()).isEqualTo(fake.baseUrl());
			LimeEventDispatcher dispatcher = context.getBean(LimeEventDispatcher.class);
			await().atMost(DELIVERY).until(() -> dispatcher.getState().status() == Status.CONNECTED);
			LoginRequest request = site.createLoginRequest().block();

			LimeLoginApprovedEvent approved = context.getBean(LoginApplication.class).approvals
				.poll(DELIVERY.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(approved).isNotNull();
			assertThat(approved.requestId()).isEqualTo(request.requestId());
			Passport passport = site.verifyPassport(approved.passportJwt(), request.requestId()).block();
			assertThat(passport.agentId()).isEqualTo(fake.agentId());
			// the fake logs its approval once approving returns, which may be after the
			// site has handled the event it delivered
			String logged = "The fake LIME API's agent " + fake.agentId() + " approved login request "
					+ request.requestId() + " (DELIVERED)";
			await().atMost(DELIVERY).untilAsserted(() -> assertThat(output).contains(logged));
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LoginApplication {

		final BlockingQueue<LimeLoginApprovedEvent> approvals = new LinkedBlockingQueue<>();

		static void main(String[] args) {
			SpringApplication.run(LoginApplication.class, args);
		}

		@Bean
		LimeLoginHandler recordApprovals() {
			return (requestId, passportJwt) -> {
				if (passportJwt != null) {
					this.approvals.add(new LimeLoginApprovedEvent(requestId, passportJwt));
				}
			};
		}

	}

}
