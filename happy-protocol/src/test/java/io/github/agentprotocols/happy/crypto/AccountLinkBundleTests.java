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
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountLinkBundleTests {

	private static final ContentKeyPair REQUESTER = ContentKeyPair.fromSecretKey(seq(0x10, 32));

	@SpecItem("HAPPY-3.7.V6")
	@Test
	void bundleMatchesVectorV6() {
		byte[] bundle = AccountLinkBundle.seal(SECRET, REQUESTER.publicKey(), seq(0x30, 32), seq(0x50, 24));
		assertThat(bundle).hasSize(104);
		assertThat(base64(bundle)).isEqualTo(Vectors.V6_BUNDLE);
	}

	@SpecItem("HAPPY-3.7.V6")
	@Test
	void requesterOpensVectorV6ToTheMasterSecret() {
		assertThat(AccountLinkBundle.open(base64(Vectors.V6_BUNDLE), REQUESTER.secretKey())).isEqualTo(SECRET);
	}

	@Test
	void freshBundlesDifferAndOpen() {
		byte[] first = AccountLinkBundle.seal(SECRET, REQUESTER.publicKey());
		byte[] second = AccountLinkBundle.seal(SECRET, REQUESTER.publicKey());
		assertThat(first).isNotEqualTo(second);
		assertThat(AccountLinkBundle.open(first, REQUESTER.secretKey())).isEqualTo(SECRET);
		assertThat(AccountLinkBundle.open(second, REQUESTER.secretKey())).isEqualTo(SECRET);
	}

	@Test
	void everyFlippedBitIsAnEncryptionError() {
		byte[] bundle = base64(Vectors.V6_BUNDLE);
		for (int i = 0; i < bundle.length; i++) {
			byte[] tampered = flipBit(bundle, i);
			assertThatExceptionOfType(HappyEncryptionException.class).as("bit flipped in byte %d", i)
				.isThrownBy(() -> AccountLinkBundle.open(tampered, REQUESTER.secretKey()));
		}
	}

	@Test
	void shortBundleIsRejected() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> AccountLinkBundle.open(new byte[71], REQUESTER.secretKey()))
			.withMessageContaining("too short");
	}

	@Test
	void anotherRequesterCannotOpenIt() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> AccountLinkBundle.open(base64(Vectors.V6_BUNDLE), seq(0x11, 32)));
	}

}
