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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

import static io.github.agentprotocols.happy.crypto.Vectors.DATA_KEY;
import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.base64;
import static io.github.agentprotocols.happy.crypto.Vectors.flipBit;
import static io.github.agentprotocols.happy.crypto.Vectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecordKeyResolverTests {

	private static final byte[] MACHINE_KEY = seq(0x90, 32);

	private static final Map<String, Object> METADATA = Map.of("host", "box");

	@TempDir
	Path home;

	@SpecItem("HAPPY-3.5.1")
	@Test
	void recordWithoutDataKeyUsesTheSecretWithSecretbox() {
		String metadata = new RecordKey(SECRET, EncryptionVariant.LEGACY).seal(METADATA);
		RecordKeyResolver resolver = new RecordKeyResolver(SECRET);
		assertThat(resolver.resolve("s1", null, metadata)).isEqualTo(new RecordKey(SECRET, EncryptionVariant.LEGACY));
		assertThat(resolver.resolve("s2", "", metadata)).isEqualTo(new RecordKey(SECRET, EncryptionVariant.LEGACY));
	}

	@SpecItem("HAPPY-3.5.1")
	@Test
	void wrappedDataKeyIsOpenedWithTheMasterSecret() {
		RecordKey key = new RecordKeyResolver(SECRET).resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB);
		assertThat(key).isEqualTo(new RecordKey(DATA_KEY, EncryptionVariant.DATA_KEY));
		assertThat(key.openObject(Vectors.V4_BLOB)).containsEntry("name", "Nightly build");
	}

	@SpecItem("HAPPY-1.5.1")
	@Test
	void machineKeyIsTheDataKeyOfItsOwnMachineRecord() {
		String metadata = new RecordKey(MACHINE_KEY, EncryptionVariant.DATA_KEY).seal(METADATA);
		String wrapped = base64(
				DataEncryptionKey.wrap(MACHINE_KEY, ContentKeyPair.fromMasterSecret(SECRET).publicKey()));
		RecordKey key = new RecordKeyResolver(MACHINE_KEY).resolve("m1", wrapped, metadata);
		assertThat(key).isEqualTo(new RecordKey(MACHINE_KEY, EncryptionVariant.DATA_KEY));
		assertThat(key.openObject(metadata)).isEqualTo(METADATA);
	}

	@SpecItem("HAPPY-1.5.1")
	@Test
	void masterSecretAlsoOpensTheMachineRecordOfAMachineKey() {
		String metadata = new RecordKey(MACHINE_KEY, EncryptionVariant.DATA_KEY).seal(METADATA);
		String wrapped = base64(
				DataEncryptionKey.wrap(MACHINE_KEY, ContentKeyPair.fromMasterSecret(SECRET).publicKey()));
		assertThat(new RecordKeyResolver(SECRET).resolve("m1", wrapped, metadata))
			.isEqualTo(new RecordKey(MACHINE_KEY, EncryptionVariant.DATA_KEY));
	}

	@SpecItem("HAPPY-1.5.2")
	@Test
	void machineKeyCannotOpenAWrappedSessionAndSaysWhy() {
		RecordKeyResolver resolver = new RecordKeyResolver(MACHINE_KEY);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB))
			.withMessageContaining("record s1")
			.withMessageContaining("only the account master secret opens")
			.withMessageContaining("machine key (access.key with encryption.machineKey) decrypts only its own machine")
			.withMessageContaining("agent.key");
	}

	@SpecItem("HAPPY-1.5.2")
	@Test
	void machineKeyCannotOpenALegacySessionAndSaysWhy() {
		String metadata = new RecordKey(SECRET, EncryptionVariant.LEGACY).seal(METADATA);
		RecordKeyResolver resolver = new RecordKeyResolver(MACHINE_KEY);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", null, metadata))
			.withMessageContaining("encrypted with the account master secret")
			.withMessageContaining("use master-secret credentials");
	}

	@SpecItem("HAPPY-10.8")
	@Test
	void wrappedKeyWithBadVersionByteIsRejected() {
		String wrapped = base64(flipBit(base64(Vectors.V5_WRAPPED), 0));
		RecordKeyResolver resolver = new RecordKeyResolver(SECRET);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", wrapped, Vectors.V4_BLOB))
			.withMessageContaining("dataEncryptionKey version 1");
	}

	@Test
	void wrappedKeyThatIsNotBase64IsRejected() {
		RecordKeyResolver resolver = new RecordKeyResolver(SECRET);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", "%%%", Vectors.V4_BLOB))
			.withMessageContaining("base64");
	}

	@SpecItem("HAPPY-1.5.3")
	@Test
	void sessionsFileOfTheDaemonGivesTheKeyOfASessionItSpawned() throws IOException {
		Path sessions = writeSessions("s1", base64(DATA_KEY), "dataKey");
		RecordKey key = new RecordKeyResolver(MACHINE_KEY, sessions).resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB);
		assertThat(key).isEqualTo(new RecordKey(DATA_KEY, EncryptionVariant.DATA_KEY));
	}

	@SpecItem("HAPPY-1.5.3")
	@Test
	void sessionsFileGivesTheKeyOfALegacySession() throws IOException {
		String metadata = new RecordKey(SECRET, EncryptionVariant.LEGACY).seal(METADATA);
		Path sessions = writeSessions("s1", base64(SECRET), "legacy");
		assertThat(new RecordKeyResolver(MACHINE_KEY, sessions).resolve("s1", null, metadata))
			.isEqualTo(new RecordKey(SECRET, EncryptionVariant.LEGACY));
	}

	@SpecItem("HAPPY-1.5.3")
	@Test
	void keyInSessionsFileThatDoesNotDecryptIsNotUsed() throws IOException {
		Path sessions = writeSessions("s1", base64(seq(0x55, 32)), "dataKey");
		RecordKeyResolver resolver = new RecordKeyResolver(MACHINE_KEY, sessions);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB))
			.withMessageContaining(sessions + " holds no key for it either");
	}

	@SpecItem("HAPPY-1.5.3")
	@Test
	void sessionsFileWithoutTheSessionOrMissingOrMalformedIsNoFallback() throws IOException {
		Path other = writeSessions("s2", base64(DATA_KEY), "dataKey");
		Path missing = this.home.resolve("absent.json");
		Path malformed = Files.writeString(this.home.resolve("malformed.json"), "{\"sessions\":");
		for (Path sessions : new Path[] { other, missing, malformed }) {
			RecordKeyResolver resolver = new RecordKeyResolver(MACHINE_KEY, sessions);
			assertThatExceptionOfType(HappyEncryptionException.class)
				.isThrownBy(() -> resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB))
				.withMessageContaining(sessions.toString());
		}
	}

	@SpecItem("HAPPY-3.5.1")
	@Test
	void resolvedKeyIsCachedPerRecordId() {
		RecordKeyResolver resolver = new RecordKeyResolver(SECRET);
		RecordKey key = resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB);
		assertThat(resolver.resolve("s1", null, "not even base64")).isEqualTo(key);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s2", "%%%", Vectors.V4_BLOB));
	}

	@SpecItem("HAPPY-3.5.1")
	@Test
	void failureIsNotCached() throws IOException {
		Path sessions = this.home.resolve("sessions.json");
		RecordKeyResolver resolver = new RecordKeyResolver(MACHINE_KEY, sessions);
		assertThatExceptionOfType(HappyEncryptionException.class)
			.isThrownBy(() -> resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB));
		writeSessions("s1", base64(DATA_KEY), "dataKey");
		assertThat(resolver.resolve("s1", Vectors.V5_WRAPPED, Vectors.V4_BLOB))
			.isEqualTo(new RecordKey(DATA_KEY, EncryptionVariant.DATA_KEY));
	}

	private Path writeSessions(String sessionId, String key, String variant) throws IOException {
		return Files.writeString(this.home.resolve("sessions.json"), "{\"sessions\":{\"" + sessionId
				+ "\":{\"encryptionKey\":\"" + key + "\",\"encryptionVariant\":\"" + variant + "\",\"pid\":42}}}");
	}

}
