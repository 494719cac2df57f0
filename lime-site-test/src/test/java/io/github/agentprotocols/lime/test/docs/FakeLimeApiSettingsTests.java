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

package io.github.agentprotocols.lime.test.docs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's extension with custom settings, registered on a static field.
 */
// tag::register-extension[]
class FakeLimeApiSettingsTests {

	@RegisterExtension
	static final FakeLimeApiExtension lime = new FakeLimeApiExtension(
			(fake) -> fake.requestTtl(Duration.ofSeconds(2)).keepAliveInterval(Duration.ofMillis(200)).sseIds(true));

	@Test
	void requestsOfTheFakeLiveAsLongAsTheSettingSays() {
		Instant before = Instant.now();
		String requestId = lime.fake().createLoginRequestDirectly();
		Instant after = Instant.now();
		Instant expiresAt = OffsetDateTime.parse(lime.fake().agent().challenge(requestId).expiresAt()).toInstant();
		// expires_at may drop the fraction of a second
		assertThat(expiresAt).isBetween(before.plusSeconds(1), after.plusSeconds(2));
	}

}
// end::register-extension[]
