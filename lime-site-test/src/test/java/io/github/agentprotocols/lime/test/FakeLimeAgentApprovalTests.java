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

package io.github.agentprotocols.lime.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeLimeApi.Builder#agentApproval(Duration)}: the fake's agent approves each
 * login request the site creates, after the delay.
 */
class FakeLimeAgentApprovalTests {

	@Test
	void agentApprovesEachCreatedLoginRequestAndTheSiteStreamGetsThePassport() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().agentApproval(Duration.ofMillis(200)).start()) {
			SiteClient site = new SiteClient(fake);
			try (SiteClient.Events events = site.events()) {
				String requestId = site.createdRequestId();
				assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.PENDING);
				JsonNode approved = events.nextEvent();
				assertThat(approved.get("type").asString()).isEqualTo("approved");
				assertThat(approved.get("login_request_id").asString()).isEqualTo(requestId);
				assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.DELIVERED);
			}
		}
	}

	@Test
	void requestNoLongerPendingIsLeftAsItIs() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.builder().agentApproval(Duration.ofSeconds(2)).start()) {
			String requestId = new SiteClient(fake).createdRequestId();
			assertThat(fake.expire(requestId)).isTrue();
			Thread.sleep(3000);
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.EXPIRED);
		}
	}

	@Test
	void withoutAgentApprovalRequestsStayPending() throws Exception {
		try (FakeLimeApi fake = FakeLimeApi.start()) {
			String requestId = new SiteClient(fake).createdRequestId();
			Thread.sleep(300);
			assertThat(fake.status(requestId)).isEqualTo(LoginRequestStatus.PENDING);
		}
	}

}
