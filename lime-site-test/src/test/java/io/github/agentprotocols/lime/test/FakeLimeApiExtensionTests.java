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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeLimeApiExtension}: one fake per class, injected, reset before each test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeLimeApiExtensionTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension(
			(fake) -> fake.powDifficulty(4).keepAliveInterval(Duration.ofMillis(50)));

	private static FakeLimeApi seenInBeforeAll;

	@BeforeAll
	static void rememberFake(FakeLimeApi fake) {
		seenInBeforeAll = fake;
	}

	@Test
	@Order(1)
	void injectsTheClassFakeWithItsSettings(FakeLimeApi fake) {
		assertThat(fake).isSameAs(seenInBeforeAll).isSameAs(lime.fake());
		assertThat(fake.agent().challenge(fake.createLoginRequestDirectly()).powDifficulty()).isEqualTo(4);
		fake.faults().failNext(Endpoint.CHALLENGE, 10, 503);
	}

	@Test
	@Order(2)
	void resetsFaultsAndRecordedRequestsBeforeEachTest(FakeLimeApi fake, LimeAgent agent) {
		assertThat(fake).isSameAs(seenInBeforeAll);
		assertThat(fake.requests().all()).isEmpty();
		String requestId = fake.createLoginRequestDirectly();
		assertThat(agent.approve(requestId)).containsEntry("request_id", requestId);
	}

	@Nested
	class NestedTests {

		@Test
		void shareTheOuterFake(FakeLimeApi fake) {
			assertThat(fake).isSameAs(seenInBeforeAll);
		}

	}

}
