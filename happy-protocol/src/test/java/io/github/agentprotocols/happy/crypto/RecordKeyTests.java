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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.wire.HappyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static io.github.agentprotocols.happy.crypto.Vectors.DATA_KEY;
import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.base64;
import static io.github.agentprotocols.happy.crypto.Vectors.flipBit;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static io.github.agentprotocols.happy.crypto.Vectors.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordKeyTests {

	private static final RecordKey LEGACY = new RecordKey(SECRET, EncryptionVariant.LEGACY);

	private static final RecordKey DATA = new RecordKey(DATA_KEY, EncryptionVariant.DATA_KEY);

	@SpecItem("HAPPY-3.7.V3")
	@Test
	void legacyBlobMatchesVectorV3() {
		byte[] blob = LEGACY.encrypt(utf8(Vectors.V3_PLAINTEXT), seq(0x40, 24));
		assertThat(blob).hasSize(63);
		assertThat(base64(blob)).isEqualTo(Vectors.V3_BLOB);
		assertThat(utf8(LEGACY.decrypt(base64(Vectors.V3_BLOB)))).isEqualTo(Vectors.V3_PLAINTEXT);
	}

	@SpecItem("HAPPY-3.7.V4")
	@Test
	void dataKeyMetadataBlobMatchesVectorV4() {
		byte[] blob = DATA.encrypt(utf8(Vectors.V4_PLAINTEXT), seq(0xc0, 12));
		assertThat(blob).hasSize(155);
		assertThat(base64(blob)).isEqualTo(Vectors.V4_BLOB);
		assertThat(Vectors.hex(Arrays.copyOfRange(blob, 139, 155))).isEqualTo("ab52e48f99f1037d85d994d5d8270324");
		assertThat(utf8(DATA.decrypt(base64(Vectors.V4_BLOB)))).isEqualTo(Vectors.V4_PLAINTEXT);
	}

	@SpecItem("HAPPY-3.7.V7")
	@Test
	void userMessageBlobMatchesVectorV7() {
		assertThat(base64(DATA.encrypt(utf8(Vectors.V7_PLAINTEXT), seq(0xd0, 12)))).isEqualTo(Vectors.V7_BLOB);
		assertThat(DATA.openObject(Vectors.V7_BLOB)).containsEntry("role", "user")
			.containsEntry("content", Map.of("type", "text", "text", "Hello"));
	}

	@SpecItem("HAPPY-3.7.V8")
	@Test
	void spawnParamsBlobMatchesVectorV8() {
		assertThat(base64(LEGACY.encrypt(utf8(Vectors.V8_PLAINTEXT), seq(0x70, 24)))).isEqualTo(Vectors.V8_BLOB);
		assertThat(LEGACY.openObject(Vectors.V8_BLOB)).containsEntry("type", "spawn-in-directory")
			.containsEntry("approvedNewDirectoryCreation", false);
	}

	@Test
	void sealedJsonIsCompactAndMatchesTheVectorsWhenEncryptedWithTheirNonce() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("type", "spawn-in-directory");
		params.put("directory", "/home/user/project");
		params.put("approvedNewDirectoryCreation", false);
		params.put("agent", "claude");
		assertThat(utf8(HappyJson.writeBytes(params))).isEqualTo(Vectors.V8_PLAINTEXT);
		assertThat(base64(LEGACY.encrypt(HappyJson.writeBytes(params), seq(0x70, 24)))).isEqualTo(Vectors.V8_BLOB);
	}

	@ParameterizedTest
	@EnumSource(EncryptionVariant.class)
	void encryptionRoundTripsWithFreshNonces(EncryptionVariant variant) {
		RecordKey key = new RecordKey(DATA_KEY, variant);
		byte[] first = key.encrypt(utf8("same text"));
		byte[] second = key.encrypt(utf8("same text"));
		assertThat(first).isNotEqualTo(second);
		assertThat(utf8(key.decrypt(first))).isEqualTo("same text");
		assertThat(utf8(key.decrypt(second))).isEqualTo("same text");
		assertThat(first).hasSize(((variant == EncryptionVariant.LEGACY) ? 40 : 29) + 9);
	}

	@ParameterizedTest
	@EnumSource(EncryptionVariant.class)
	void emptyPlaintextRoundTrips(EncryptionVariant variant) {
		RecordKey key = new RecordKey(DATA_KEY, variant);
		assertThat(key.decrypt(key.encrypt(new byte[0]))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EncryptionVariant.class)
	void everyFlippedBitIsAnEncryptionError(EncryptionVariant variant) {
		RecordKey key = new RecordKey(DATA_KEY, variant);
		byte[] blob = key.encrypt(utf8("{\"a\":1}"));
		for (int i = 0; i < blob.length; i++) {
			byte[] tampered = flipBit(blob, i);
			assertThatExceptionOfType(HappyEncryptionException.class).as("bit flipped in byte %d", i)
				.isThrownBy(() -> key.decrypt(tampered));
		}
	}

	@SpecItem("HAPPY-10.8")
	@Test
	void tamperedLegacyBlobNamesTheFailure() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> LEGACY.decrypt(flipBit(base64(Vectors.V3_BLOB), 50)))
			.withMessageContaining("authentication failed")
			.withNoCause();
	}

	@SpecItem("HAPPY-10.8")
	@Test
	void tamperedDataKeyBlobWrapsNoRawExceptionAsItsType() {
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> DATA.decrypt(flipBit(base64(Vectors.V4_BLOB), 40)))
			.withMessageContaining("authentication failed");
	}

	@SpecItem("HAPPY-10.8")
	@Test
	void dataKeyBlobWithBadVersionByteIsRejected() {
		byte[] blob = base64(Vectors.V4_BLOB);
		blob[0] = 1;
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> DATA.decrypt(blob))
			.withMessageContaining("version 1");
	}

	@Test
	void shortBlobsAreRejected() {
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> DATA.decrypt(new byte[28]))
			.withMessageContaining("28 bytes");
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> LEGACY.decrypt(new byte[39]))
			.withMessageContaining("39 bytes");
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> LEGACY.decrypt(new byte[0]));
	}

	@Test
	void blobOfAnotherKeyIsAnEncryptionError() {
		RecordKey otherData = new RecordKey(SECRET, EncryptionVariant.DATA_KEY);
		RecordKey otherLegacy = new RecordKey(DATA_KEY, EncryptionVariant.LEGACY);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> otherData.decrypt(base64(Vectors.V4_BLOB)));
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> otherLegacy.decrypt(base64(Vectors.V3_BLOB)));
	}

	@SpecItem("HAPPY-3.5.2")
	@Test
	void blobOfTheOtherSchemeIsAnEncryptionError() {
		RecordKey legacyWithDataKey = new RecordKey(DATA_KEY, EncryptionVariant.LEGACY);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> legacyWithDataKey.decrypt(base64(Vectors.V4_BLOB)));
	}

	@Test
	void sealedValueOpensAsImmutableJsonInDocumentOrder() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("z", "last first");
		value.put("count", 3);
		value.put("ratio", 0.5);
		value.put("list", List.of(1, "two", true));
		value.put("nothing", null);
		for (EncryptionVariant variant : EncryptionVariant.values()) {
			Map<String, Object> opened = new RecordKey(DATA_KEY, variant)
				.openObject(new RecordKey(DATA_KEY, variant).seal(value));
			assertThat(opened.keySet()).containsExactly("z", "count", "ratio", "list", "nothing");
			assertThat(opened).containsEntry("count", 3L)
				.containsEntry("ratio", 0.5)
				.containsEntry("list", List.of(1L, "two", true))
				.containsEntry("nothing", null);
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> opened.put("x", 1));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> ((List<?>) opened.get("list")).clear());
		}
	}

	@Test
	void openReturnsAnyJsonValue() {
		assertThat(DATA.open(DATA.seal("text"))).isEqualTo("text");
		assertThat(DATA.open(DATA.seal(null))).isNull();
		assertThat(DATA.open(DATA.seal(List.of("a")))).isEqualTo(List.of("a"));
	}

	@Test
	void openObjectOfNonObjectIsAnEncryptionError() {
		String sealed = DATA.seal(List.of(1));
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> DATA.openObject(sealed))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void openOfPlaintextThatIsNotJsonIsAnEncryptionError() {
		String blob = base64(DATA.encrypt(utf8("{not json")));
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> DATA.open(blob))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void openOfTextThatIsNotBase64IsAnEncryptionError() {
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> DATA.open("***"))
			.withMessageContaining("base64");
	}

	@Test
	void nonceOfWrongLengthIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DATA.encrypt(new byte[1], new byte[24]))
			.withMessageContaining("12 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> LEGACY.encrypt(new byte[1], new byte[12]))
			.withMessageContaining("24 bytes");
	}

	@Test
	void keyOfWrongLengthIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecordKey(new byte[16], EncryptionVariant.DATA_KEY));
	}

	@Test
	void keysAreEqualByValueAndPrintNoKey() {
		assertThat(new RecordKey(DATA_KEY, EncryptionVariant.DATA_KEY)).isEqualTo(DATA)
			.hasSameHashCodeAs(DATA)
			.isNotEqualTo(new RecordKey(DATA_KEY, EncryptionVariant.LEGACY));
		assertThat(DATA).hasToString("RecordKey[variant=dataKey]");
	}

	@Test
	void keyIsCopiedInAndOut() {
		byte[] material = DATA_KEY.clone();
		RecordKey key = new RecordKey(material, EncryptionVariant.DATA_KEY);
		material[0] = 0;
		key.key()[1] = 0;
		assertThat(key.key()).isEqualTo(DATA_KEY);
	}

}
