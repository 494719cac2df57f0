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

package io.github.agentprotocols.hpp;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UserEditPolicyTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final OriginPolicy origins = new OriginPolicy(List.of("https://app.example.com"));

	private final UserEditPolicy policy = new UserEditPolicy(true, this.origins, List.of());

	@Test
	void anonymousSessionAcceptsEditsFromAnyone() {
		assertThat(this.policy.mayEdit(session(null), request(null, null))).isTrue();
		assertThat(this.policy.mayEdit(session(null), request("mallory", "https://evil.example"))).isTrue();
	}

	@Test
	void ownedSessionAcceptsEditsOnlyFromItsOwnerAtAnAllowedOrigin() {
		HandshakeSession alices = session("alice");
		assertThat(this.policy.mayEdit(alices, request("alice", null))).isTrue();
		assertThat(this.policy.mayEdit(alices, request("alice", "https://app.example.com"))).isTrue();
		assertThat(this.policy.mayEdit(alices, request("alice", "https://evil.example"))).isFalse();
		assertThat(this.policy.mayEdit(alices, request("mallory", null))).isFalse();
		assertThat(this.policy.mayEdit(alices, request(null, null))).isFalse();
	}

	@Test
	void ownedSessionAcceptsEditsFromAnyoneWhenBindingIsOff() {
		UserEditPolicy unbound = new UserEditPolicy(false, this.origins, List.of());
		assertThat(unbound.mayEdit(session("alice"), request("mallory", null))).isTrue();
	}

	@Test
	void notifyNeedsTheOwnerAndEveryBrowserAuthHook() {
		List<String> seen = new ArrayList<>();
		UserEditPolicy gated = new UserEditPolicy(true, this.origins,
				List.of((request, session) -> seen.add("first"), (request, session) -> !seen.add("second")));
		assertRefused(() -> gated.checkNotify(session("alice"), request("mallory", null)), "browser auth failed");
		assertThat(seen).isEmpty();
		assertRefused(() -> gated.checkNotify(session("alice"), request("alice", null)), "browser auth failed");
		assertThat(seen).containsExactly("first", "second");
	}

	@Test
	void browserAuthHookThatThrowsRefusesTheEdit() {
		UserEditPolicy gated = new UserEditPolicy(true, this.origins, List.of((request, session) -> {
			throw new IllegalStateException("boom");
		}));
		assertRefused(() -> gated.checkNotify(session(null), request(null, null)), "browser auth failed");
	}

	@Test
	void sessionWithoutOwnerIsClosedByWhoeverPresentsItsToken() {
		assertThatNoException().isThrownBy(() -> this.policy.checkClose(session(null), "token", request(null, null)));
		assertRefused(() -> this.policy.checkClose(session(null), "wrong", request(null, null)), "invalid token");
		assertRefused(() -> this.policy.checkClose(session(null), null, request(null, null)), "invalid token");
	}

	@Test
	void ownedSessionIsClosedOnlyByItsOwnerTokenOrNot() {
		assertThatNoException()
			.isThrownBy(() -> this.policy.checkClose(session("alice"), null, request("alice", null)));
		assertRefused(() -> this.policy.checkClose(session("alice"), "token", request("mallory", null)),
				"browser auth failed");
	}

	@Test
	void closeNeedsEveryBrowserAuthHook() {
		UserEditPolicy gated = new UserEditPolicy(true, this.origins, List.of((request, session) -> false));
		assertRefused(() -> gated.checkClose(session(null), "token", request(null, null)), "browser auth failed");
	}

	private static void assertRefused(Runnable check, String message) {
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(check::run).satisfies((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(403);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

	private static HandshakeSession session(@Nullable String owner) {
		HandshakeSession session = HandshakeSession.open("s1", "token", nodes.stringNode("default"), nodes.arrayNode(),
				nodes.objectNode(), nodes.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24), Instant.now());
		session.setOwner(owner);
		return session;
	}

	private static HandshakeRequest request(@Nullable String user, @Nullable String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.HOST, "localhost:8080");
		if (origin != null) {
			headers.setOrigin(origin);
		}
		Principal principal = (user != null) ? () -> user : null;
		return new HandshakeRequest(principal, headers, null);
	}

}
