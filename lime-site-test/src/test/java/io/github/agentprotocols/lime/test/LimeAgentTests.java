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

import java.util.Map;

import io.github.agentprotocols.lime.test.LimeAgent.LimeAgentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LimeAgent} makes the agent's calls the way the agent SDK does.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeAgentTests {

	@Test
	void approveReadsTheChallengeWithoutTheAgentTokenThenPostsTheNonce(FakeLimeApi fake, LimeAgent agent) {
		String requestId = fake.createLoginRequestDirectly();
		Map<String, Object> approval = agent.approve(requestId);
		assertThat(approval).containsKeys("request_id", "site_id", "status", "expires_at", "approved_agent_id");
		RecordedRequest challenge = fake.requests().of(Endpoint.CHALLENGE).get(0);
		assertThat(challenge.header("X-Agent-Token")).isNull();
		RecordedRequest approve = fake.requests().of(Endpoint.APPROVE).get(0);
		assertThat(approve.header("X-Agent-Token")).isEqualTo(fake.agentToken());
		assertThat(approve.header("Content-Type")).isEqualTo("application/json");
		String nonce = ProofOfWork.solve(agent.challenge(requestId).powChallenge(), 8);
		assertThat(approve.body()).isEqualTo("{\"pow_nonce\":\"" + nonce + "\"}");
	}

	@Test
	void errorAnswersBecomeExceptionsWithStatusAndCode(FakeLimeApi fake) {
		LimeAgent stranger = new LimeAgent(fake.baseUrl() + "/", "at_wrong");
		String requestId = fake.createLoginRequestDirectly();
		assertThatExceptionOfType(LimeAgentException.class).isThrownBy(() -> stranger.approve(requestId))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(401);
				assertThat(ex.getCode()).isEqualTo("INVALID_AGENT_TOKEN");
			});
		assertThatExceptionOfType(LimeAgentException.class).isThrownBy(() -> stranger.challenge("lr_unknown"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("SITE_LOGIN_REQUEST_NOT_FOUND"));
	}

	@Test
	void htmlErrorsHaveNoCode(FakeLimeApi fake, LimeAgent agent) {
		fake.faults().htmlErrorBodies(true).failNext(Endpoint.CHALLENGE, 1, 502);
		assertThatExceptionOfType(LimeAgentException.class).isThrownBy(() -> agent.challenge("lr_x"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getCode()).isNull();
			});
	}

}
