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

package io.github.agentprotocols.happy.crypto;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.base64;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static org.assertj.core.api.Assertions.assertThat;

class AuthChallengeTests {

	private final AccountIdentity identity = AccountIdentity.fromMasterSecret(SECRET);

	@SpecItem("HAPPY-3.7.V2")
	@Test
	void bodyOfGivenChallengeMatchesVectorV2() {
		AuthChallenge body = AuthChallenge.sign(this.identity, seq(0xa0, 32));
		assertThat(body).isEqualTo(new AuthChallenge("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
				"oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr8=",
				"AQVe7Rm5SjqNH51FoT8raQIEyyBi2/6EzLL4N4oNrSaegUrkVPtbMNNqJELooy9rovy7QbouUpNo0iZzFcE+Ag=="));
	}

	@Test
	void bodySerializesWithTheWireFieldNames() {
		String json = JsonMapper.shared().writeValueAsString(AuthChallenge.sign(this.identity, seq(0xa0, 32)));
		assertThat(json).startsWith("{\"publicKey\":\"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=\",\"challenge\":\"");
		assertThat(json).contains("\"signature\":\"AQVe7Rm5");
	}

	@Test
	void freshChallengesAreRandomAndValid() {
		AuthChallenge first = AuthChallenge.sign(this.identity);
		AuthChallenge second = AuthChallenge.sign(this.identity);
		assertThat(base64(first.challenge())).hasSize(32);
		assertThat(first.challenge()).isNotEqualTo(second.challenge());
		assertThat(first.isValid()).isTrue();
		assertThat(second.isValid()).isTrue();
	}

	@Test
	void challengeSignedByAnotherAccountIsInvalid() {
		AuthChallenge body = AuthChallenge.sign(this.identity);
		AuthChallenge forged = new AuthChallenge(base64(AccountIdentity.fromMasterSecret(seq(0x01, 32)).publicKey()),
				body.challenge(), body.signature());
		assertThat(forged.isValid()).isFalse();
	}

	@Test
	void fieldThatIsNotBase64IsInvalid() {
		AuthChallenge body = AuthChallenge.sign(this.identity);
		assertThat(new AuthChallenge(body.publicKey(), "not base64!", body.signature()).isValid()).isFalse();
	}

}
