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

import static io.github.agentprotocols.happy.crypto.Vectors.DATA_KEY;
import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.base64;
import static io.github.agentprotocols.happy.crypto.Vectors.flipBit;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static io.github.agentprotocols.happy.crypto.Vectors.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataEncryptionKeyTests {

	private static final ContentKeyPair ACCOUNT = ContentKeyPair.fromMasterSecret(SECRET);

	@SpecItem("HAPPY-3.7.V5")
	@Test
	void wrappedKeyMatchesVectorV5() {
		byte[] wrapped = DataEncryptionKey.wrap(DATA_KEY, ACCOUNT.publicKey(), seq(0x20, 32), seq(0x60, 24));
		assertThat(wrapped).hasSize(105);
		assertThat(base64(wrapped)).isEqualTo(Vectors.V5_WRAPPED);
	}

	@SpecItem("HAPPY-3.7.V5")
	@Test
	void vectorV5OpensToTheDataKeyOfVectorV4() {
		assertThat(DataEncryptionKey.open(base64(Vectors.V5_WRAPPED), ACCOUNT)).isEqualTo(DATA_KEY);
	}

	@SpecItem("HAPPY-3.7.V5")
	@Test
	void masterSecretOpensTheMetadataOfAWrappedRecord() {
		ContentKeyPair account = ContentKeyPair.fromMasterSecret(SECRET);
		byte[] dataKey = DataEncryptionKey.open(base64(Vectors.V5_WRAPPED), account);
		RecordKey key = new RecordKey(dataKey, EncryptionVariant.DATA_KEY);
		assertThat(utf8(key.decrypt(base64(Vectors.V4_BLOB)))).isEqualTo(Vectors.V4_PLAINTEXT);
	}

	@Test
	void freshWrapsDifferAndOpen() {
		byte[] first = DataEncryptionKey.wrap(DATA_KEY, ACCOUNT.publicKey());
		byte[] second = DataEncryptionKey.wrap(DATA_KEY, ACCOUNT.publicKey());
		assertThat(first).hasSize(105).isNotEqualTo(second);
		assertThat(DataEncryptionKey.open(first, ACCOUNT)).isEqualTo(DATA_KEY);
		assertThat(DataEncryptionKey.open(second, ACCOUNT)).isEqualTo(DATA_KEY);
	}

	@SpecItem("HAPPY-10.8")
	@Test
	void everyFlippedBitAfterTheVersionIsAnEncryptionError() {
		byte[] wrapped = base64(Vectors.V5_WRAPPED);
		for (int i = 1; i < wrapped.length; i++) {
			byte[] tampered = flipBit(wrapped, i);
			assertThatExceptionOfType(HappyEncryptionException.class).as("bit flipped in byte %d", i)
				.isThrownBy(() -> DataEncryptionKey.open(tampered, ACCOUNT));
		}
	}

	@Test
	void badVersionByteIsRejected() {
		byte[] wrapped = flipBit(base64(Vectors.V5_WRAPPED), 0);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> DataEncryptionKey.open(wrapped, ACCOUNT))
			.withMessageContaining("version 1");
	}

	@Test
	void shortOrEmptyValueIsRejected() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> DataEncryptionKey.open(new byte[72], ACCOUNT))
			.withMessageContaining("too short");
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> DataEncryptionKey.open(new byte[0], ACCOUNT))
			.withMessageContaining("empty");
	}

	@Test
	void anotherAccountCannotOpenIt() {
		ContentKeyPair other = ContentKeyPair.fromMasterSecret(seq(0x01, 32));
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> DataEncryptionKey.open(base64(Vectors.V5_WRAPPED), other));
	}

}
