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

import org.junit.jupiter.api.Test;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EncryptionVariantTests {

	@Test
	void wireValuesAreTheDaemonsNames() {
		assertThat(EncryptionVariant.LEGACY.wireValue()).isEqualTo("legacy");
		assertThat(EncryptionVariant.DATA_KEY.wireValue()).isEqualTo("dataKey");
		assertThat(EncryptionVariant.fromWireValue("legacy")).isEqualTo(EncryptionVariant.LEGACY);
		assertThat(EncryptionVariant.fromWireValue("dataKey")).isEqualTo(EncryptionVariant.DATA_KEY);
	}

	@Test
	void unknownWireValueIsRejected() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> EncryptionVariant.fromWireValue("DATA_KEY"))
			.withMessageContaining("DATA_KEY");
	}

}
