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
