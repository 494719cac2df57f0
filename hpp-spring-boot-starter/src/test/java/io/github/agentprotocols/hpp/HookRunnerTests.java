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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HookRunnerTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final HandshakeSession session = HandshakeSession.open("s1", "token", nodes.stringNode("default"),
			nodes.arrayNode(), nodes.objectNode(), nodes.objectNode(), Duration.ofMinutes(30), Duration.ofHours(24),
			Instant.now());

	@Test
	void createHookThatThrowsRefusesWith403AndItsMessageSkippingLaterHooks() {
		List<String> ran = new ArrayList<>();
		HookRunner runner = runner(new Hooks(List.of((session, request) -> {
			throw new IllegalStateException("not today");
		}, (session, request) -> ran.add("second")), List.of(), List.of(), List.of(), List.of()));
		assertRefused(() -> runner.createSession(this.session, HandshakeRequest.none()), "not today");
		assertThat(ran).isEmpty();
	}

	@Test
	void hookExceptionWithoutMessageIsNamedByItsClass() {
		HookRunner runner = runner(new Hooks(List.of((session, request) -> {
			throw new UnsupportedOperationException();
		}), List.of(), List.of(), List.of(), List.of()));
		assertRefused(() -> runner.createSession(this.session, HandshakeRequest.none()),
				"UnsupportedOperationException");
	}

	@Test
	void createHooksMayChangeTheNewSession() {
		HookRunner runner = runner(new Hooks(List.of((session, request) -> session.setOwner("alice")), List.of(),
				List.of(), List.of(), List.of()));
		runner.createSession(this.session, HandshakeRequest.none());
		assertThat(this.session.getOwner()).isEqualTo("alice");
	}

	@Test
	void extendHooksSeeTheSecondsTheirPredecessorDecidedCappedAtOneDay() {
		List<Long> seen = new ArrayList<>();
		HookRunner runner = extendHooks((session, extra, request) -> {
			seen.add(extra);
			return ExtensionDecision.extendBy(200_000);
		}, (session, extra, request) -> {
			seen.add(extra);
			return null;
		});
		assertThat(runner.extend(this.session, 60, HandshakeRequest.none())).isEqualTo(86400);
		assertThat(seen).containsExactly(60L, 86400L);
	}

	@Test
	void extendHookDecisionBelowOneSecondKeepsTheRequestedSeconds() {
		HookRunner runner = extendHooks((session, extra, request) -> ExtensionDecision.extendBy(0));
		assertThat(runner.extend(this.session, 60, HandshakeRequest.none())).isEqualTo(60);
	}

	@Test
	void extendHookDenialIsAnswered403ExtensionDenied() {
		HookRunner runner = extendHooks((session, extra, request) -> ExtensionDecision.deny());
		assertRefused(() -> runner.extend(this.session, 60, HandshakeRequest.none()),
				"extension denied by server policy");
	}

	@Test
	void extendHookThatThrowsIsAnswered403WithItsMessage() {
		HookRunner runner = extendHooks((session, extra, request) -> {
			throw new IllegalArgumentException("too long");
		});
		assertRefused(() -> runner.extend(this.session, 60, HandshakeRequest.none()), "too long");
	}

	@Test
	void doneHookThatThrowsDoesNotStopTheNextAndEachGetsItsOwnErrors() {
		List<ArrayNode> seen = new ArrayList<>();
		HookRunner runner = runner(new Hooks(List.of(), List.of(), List.of((session, applied, rejected, errors) -> {
			errors.removeAll();
			throw new IllegalStateException("boom");
		}, (session, applied, rejected, errors) -> seen.add(errors)), List.of(), List.of()));
		ArrayNode errors = nodes.arrayNode().add(nodes.objectNode().put("key", "k").put("msg", "bad"));
		runner.done(this.session, List.of("a"), List.of("k"), errors);
		assertThat(seen).singleElement().isEqualTo(errors).isNotSameAs(errors);
		assertThat(errors).hasSize(1);
	}

	private static HookRunner extendHooks(ExtendHook... hooks) {
		return runner(new Hooks(List.of(), List.of(), List.of(), List.of(hooks), List.of()));
	}

	private static HookRunner runner(Hooks hooks) {
		return new HookRunner(hooks);
	}

	private static void assertRefused(Runnable call, String message) {
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(403);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

}
