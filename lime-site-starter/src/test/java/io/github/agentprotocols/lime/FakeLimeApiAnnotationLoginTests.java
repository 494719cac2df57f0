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
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole login in a Spring Boot test that only adds the test kit's
 * {@link AutoConfigureFakeLimeApi}: no site token, API base or extension configured by
 * the test.
 */
@SpringBootTest(classes = FakeLimeApiAnnotationLoginTests.LoginApplication.class, webEnvironment = WebEnvironment.NONE)
@AutoConfigureFakeLimeApi
class FakeLimeApiAnnotationLoginTests {

	private static final Duration DELIVERY = Duration.ofSeconds(10);

	@Autowired
	LimeSite site;

	@Autowired
	LimeAgent agent;

	@Autowired
	FakeLimeApi fake;

	@Autowired
	LimeEventDispatcher dispatcher;

	@Autowired
	BlockingQueue<LimeLoginApprovedEvent> approvals;

	@Test
	void agentApprovalReachesTheListenerAndItsPassportVerifies() throws InterruptedException {
		assertThat(this.site.getApiBase()).isEqualTo(this.fake.baseUrl());
		await().atMost(DELIVERY).until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		LoginRequest request = this.site.createLoginRequest().block();
		this.agent.approve(request.requestId());

		LimeLoginApprovedEvent approved = this.approvals.poll(DELIVERY.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(approved).isNotNull();
		assertThat(approved.requestId()).isEqualTo(request.requestId());
		Passport passport = this.site.verifyPassport(approved.passportJwt(), request.requestId()).block();
		assertThat(passport.agentId()).isEqualTo(this.fake.agentId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LoginApplication {

		@Bean
		BlockingQueue<LimeLoginApprovedEvent> approvals() {
			return new LinkedBlockingQueue<>();
		}

		@Bean
		ApprovalListener approvalListener(BlockingQueue<LimeLoginApprovedEvent> approvals) {
			return new ApprovalListener(approvals);
		}

	}

	static class ApprovalListener {

		private final BlockingQueue<LimeLoginApprovedEvent> approvals;

		ApprovalListener(BlockingQueue<LimeLoginApprovedEvent> approvals) {
			this.approvals = approvals;
		}

		@EventListener
		void approved(LimeLoginApprovedEvent event) {
			this.approvals.add(event);
		}

	}

}
