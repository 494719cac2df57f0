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

import io.github.agentprotocols.happy.core.HappyEncryptionException;

import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.base64;
import static io.github.agentprotocols.happy.crypto.Vectors.flipBit;
import static io.github.agentprotocols.happy.crypto.Vectors.hex;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountIdentityTests {

	private static final String V2_SIGNATURE = "AQVe7Rm5SjqNH51FoT8raQIEyyBi2/6EzLL4N4oNrSaegUrkVPtbMNNqJELooy9rovy7QbouUpNo0iZzFcE+Ag==";

	private final AccountIdentity identity = AccountIdentity.fromMasterSecret(SECRET);

	@SpecItem("HAPPY-3.7.V2")
	@Test
	void publicKeyOfMasterSecretMatchesVectorV2() {
		assertThat(base64(this.identity.publicKey())).isEqualTo("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
		assertThat(hex(this.identity.publicKey()))
			.isEqualTo("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
	}

	@Test
	void publicKeyOfSeedMatchesRfc8032TestOne() {
		byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
		assertThat(hex(AccountIdentity.fromMasterSecret(seed).publicKey()))
			.isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
	}

	@SpecItem("HAPPY-3.7.V2")
	@Test
	void signatureOfChallengeMatchesVectorV2() {
		assertThat(base64(this.identity.sign(seq(0xa0, 32)))).isEqualTo(V2_SIGNATURE);
	}

	@Test
	void validSignatureVerifies() {
		assertThat(AccountIdentity.verify(this.identity.publicKey(), seq(0xa0, 32), base64(V2_SIGNATURE))).isTrue();
	}

	@Test
	void signatureOfAnotherMessageDoesNotVerify() {
		assertThat(AccountIdentity.verify(this.identity.publicKey(), flipBit(seq(0xa0, 32), 3), base64(V2_SIGNATURE)))
			.isFalse();
	}

	@Test
	void tamperedSignatureDoesNotVerify() {
		assertThat(AccountIdentity.verify(this.identity.publicKey(), seq(0xa0, 32), flipBit(base64(V2_SIGNATURE), 10)))
			.isFalse();
	}

	@Test
	void signatureByAnotherAccountDoesNotVerify() {
		byte[] otherKey = AccountIdentity.fromMasterSecret(seq(0x01, 32)).publicKey();
		assertThat(AccountIdentity.verify(otherKey, seq(0xa0, 32), base64(V2_SIGNATURE))).isFalse();
	}

	@Test
	void malformedKeyOrSignatureDoesNotVerify() {
		assertThat(AccountIdentity.verify(new byte[31], seq(0xa0, 32), base64(V2_SIGNATURE))).isFalse();
		assertThat(AccountIdentity.verify(this.identity.publicKey(), seq(0xa0, 32), new byte[63])).isFalse();
	}

	@Test
	void seedOfWrongLengthIsAnEncryptionError() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> AccountIdentity.fromMasterSecret(new byte[16]))
			.withMessageContaining("32 bytes");
	}

}
