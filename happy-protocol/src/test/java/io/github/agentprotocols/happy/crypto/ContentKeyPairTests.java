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
import static io.github.agentprotocols.happy.crypto.Vectors.hex;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentKeyPairTests {

	@SpecItem("HAPPY-3.7.V1")
	@Test
	void contentKeyPairOfMasterSecretMatchesVectorV1() {
		ContentKeyPair pair = ContentKeyPair.fromMasterSecret(SECRET);
		assertThat(hex(pair.secretKey())).isEqualTo("56f43aee0c93b2163b5e45b14264d06b0c9613195e23da0190f6838d6ac9c562");
		assertThat(hex(pair.publicKey())).isEqualTo("241af979415ad6dbc99d93af8c2babf288cf96084ad6e8fe7072ed4e229d445b");
		assertThat(base64(pair.publicKey())).isEqualTo("JBr5eUFa1tvJnZOvjCur8ojPlghK1uj+cHLtTiKdRFs=");
	}

	@SpecItem("HAPPY-3.7.V5")
	@Test
	void publicKeysOfGivenSecretKeysMatchVectorsV5AndV6() {
		assertThat(hex(ContentKeyPair.fromSecretKey(seq(0x20, 32)).publicKey()))
			.isEqualTo("358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254");
		assertThat(base64(ContentKeyPair.fromSecretKey(seq(0x10, 32)).publicKey()))
			.isEqualTo("2J47rXlDfb7Z+ENBgwT0YP8Fx/6B/kqVd6gEy5Nn/2Y=");
	}

	@Test
	void generatedKeyPairsDiffer() {
		assertThat(ContentKeyPair.generate().publicKey()).isNotEqualTo(ContentKeyPair.generate().publicKey());
	}

	@Test
	void secretKeyOfWrongLengthIsAnEncryptionError() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> ContentKeyPair.fromSecretKey(new byte[31]))
			.withMessageContaining("32 bytes");
	}

	@Test
	void toStringShowsNoSecret() {
		ContentKeyPair pair = ContentKeyPair.fromMasterSecret(SECRET);
		assertThat(pair.toString()).contains(base64(pair.publicKey()))
			.doesNotContain(base64(pair.secretKey()))
			.doesNotContain(hex(pair.secretKey()));
	}

}
