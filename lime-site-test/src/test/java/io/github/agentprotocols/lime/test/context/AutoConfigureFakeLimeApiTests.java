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

package io.github.agentprotocols.lime.test.context;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.LoginRequestStatus;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFakeLimeApi} on a plain Spring test context: the fake runs for the
 * context with the annotation's settings, the LIME site properties point at it, the fake
 * and an agent are injected, and the fake is reset before each test.
 */
@SpringJUnitConfig(AutoConfigureFakeLimeApiTests.Config.class)
@AutoConfigureFakeLimeApi(powDifficulty = 4, requestTtl = "30s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeLimeApiTests {

	@Autowired
	FakeLimeApi fake;

	@Autowired
	LimeAgent agent;

	@Autowired
	Environment environment;

	@Test
	@Order(1)
	void siteSettingsPointAtTheFake() {
		assertThat(this.environment.getProperty("lime.site.api-base")).isEqualTo(this.fake.baseUrl())
			.startsWith("http://127.0.0.1:");
		assertThat(this.environment.getProperty("lime.site.token")).isEqualTo(this.fake.siteToken());
	}

	@Test
	@Order(2)
	void injectedAgentApprovesOnTheFakeWithTheAnnotationsSettings() {
		Instant before = Instant.now();
		String requestId = this.fake.createLoginRequestDirectly();
		LimeAgent.Challenge challenge = this.agent.challenge(requestId);
		assertThat(challenge.powDifficulty()).isEqualTo(4);
		assertThat(OffsetDateTime.parse(challenge.expiresAt()).toInstant()).isAfter(before)
			.isBefore(before.plusSeconds(31));
		assertThat(this.agent.approve(requestId)).containsEntry("status", "APPROVED");
		assertThat(this.fake.status(requestId)).isEqualTo(LoginRequestStatus.APPROVED);
		this.fake.faults().failNext(Endpoint.CHALLENGE, 10, 503);
	}

	@Test
	@Order(3)
	void faultsAndRecordedRequestsAreResetBeforeEachTest() {
		assertThat(this.fake.requests().all()).isEmpty();
		String requestId = this.fake.createLoginRequestDirectly();
		assertThat(this.agent.approve(requestId)).containsEntry("request_id", requestId);
	}

	@Nested
	class NestedTests {

		@Autowired
		FakeLimeApi nestedFake;

		@Test
		void shareTheEnclosingClassesFake() {
			assertThat(this.nestedFake).isSameAs(AutoConfigureFakeLimeApiTests.this.fake);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
