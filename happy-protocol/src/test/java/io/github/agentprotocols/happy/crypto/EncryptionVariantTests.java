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
