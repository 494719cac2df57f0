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

package io.github.agentprotocols.happy.test;

import java.util.Base64;

import io.github.agentprotocols.happy.crypto.AccountLinkBundle;
import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account-link flow over real HTTP (spec §2.3), the test playing both the requesting
 * CLI and the approving app.
 */
@ExtendWith(FakeHappyServerExtension.class)
class FakeHappyAccountLinkTests {

	@Test
	void approvedRequestHandsOverTheSecretAndAToken(FakeHappyServer server, HappyTestAccount app) {
		ContentKeyPair requester = ContentKeyPair.generate();
		String publicKey = Base64.getEncoder().encodeToString(requester.publicKey());
		Rest anonymous = new Rest(server.url(), null);
		String request = "{\"publicKey\":\"" + publicKey + "\"}";
		assertThat(anonymous.post("/v1/auth/account/request", request).body()).isEqualTo("{\"state\":\"requested\"}");
		String bundle = Base64.getEncoder().encodeToString(AccountLinkBundle.seal(app.secret(), requester.publicKey()));
		Rest.Answer approved = new Rest(server.url(), app.token()).post("/v1/auth/account/response",
				"{\"publicKey\":\"" + publicKey + "\",\"response\":\"" + bundle + "\"}");
		assertThat(approved.body()).isEqualTo("{\"success\":true}");
		JsonNode authorized = anonymous.post("/v1/auth/account/request", request).json();
		assertThat(authorized.get("state").asString()).isEqualTo("authorized");
		assertThat(server.accountId(authorized.get("token").asString())).isEqualTo(server.accountId(app.token()));
		byte[] secret = AccountLinkBundle.open(Base64.getDecoder().decode(authorized.get("response").asString()),
				requester.secretKey());
		assertThat(secret).isEqualTo(app.secret());
	}

	@Test
	void answerWithoutRequestIsAnswered404(FakeHappyServer server, HappyTestAccount app) {
		String publicKey = Base64.getEncoder().encodeToString(ContentKeyPair.generate().publicKey());
		Rest.Answer answer = new Rest(server.url(), app.token()).post("/v1/auth/account/response",
				"{\"publicKey\":\"" + publicKey + "\",\"response\":\"AA==\"}");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Request not found\"}");
	}

	@Test
	void shortPublicKeyIsAnswered401(FakeHappyServer server) {
		Rest.Answer answer = new Rest(server.url(), null).post("/v1/auth/account/request", "{\"publicKey\":\"AAAA\"}");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid public key\"}");
	}

}
