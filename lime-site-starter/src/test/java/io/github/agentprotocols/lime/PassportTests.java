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

import java.time.Instant;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PassportTests {

	@Test
	@SpecItem("LIME-8.9")
	void subIsKeptAndCopiedToAgentIdWhenAbsent() {
		Passport passport = Passport.of(Map.of("sub", "agent-1", "request_id", "lr_1", "iat", 100L, "exp", 160L));
		assertThat(passport.agentId()).isEqualTo("agent-1");
		assertThat(passport.requestId()).isEqualTo("lr_1");
		assertThat(passport.issuedAt()).isEqualTo(Instant.ofEpochSecond(100));
		assertThat(passport.expiresAt()).isEqualTo(Instant.ofEpochSecond(160));
		assertThat(passport.claims()).containsEntry("sub", "agent-1").containsEntry("agent_id", "agent-1");
	}

	@Test
	void agentIdClaimWinsOverSub() {
		Passport passport = Passport.of(Map.of("sub", "agent-1", "agent_id", "agent-2", "iat", 100L, "exp", 160L));
		assertThat(passport.agentId()).isEqualTo("agent-2");
		assertThat(passport.claims()).containsEntry("sub", "agent-1");
	}

	@Test
	void claimsAreUnmodifiableAndBindingIdIsRead() {
		Passport passport = Passport.of(Map.of("binding_id", "br_1", "iat", 100L, "exp", 160L));
		assertThat(passport.bindingId()).isEqualTo("br_1");
		assertThat(passport.agentId()).isNull();
		assertThat(passport.requestId()).isNull();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> passport.claims().put("x", "y"));
	}

}
