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

package io.github.agentprotocols.happy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.crypto.ContentKeyPair;
import io.github.agentprotocols.happy.crypto.DataEncryptionKey;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.wire.MachineRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RecordKeysTests {

	private static final SecureRandom random = new SecureRandom();

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static MachineRecord machine(RecordKey key, @Nullable String dataEncryptionKey) {
		return new MachineRecord("m1", key.seal(Map.of("host", "box")), 1, null, 0, dataEncryptionKey, true, 0, 0, 0);
	}

	private static HappyCredentials credentials(byte[] secret) {
		return HappyCredentials.of("http://127.0.0.1:1", "t", Base64.getEncoder().encodeToString(secret));
	}

	@SpecItem("HAPPY-8.11.3")
	@Test
	void machineKeyCredentialsCannotRunTasksOnTheirOwnMachine() {
		byte[] machineKey = bytes(32);
		byte[] wrappedForTheAccount = DataEncryptionKey.wrap(machineKey,
				ContentKeyPair.fromMasterSecret(bytes(32)).publicKey());
		MachineRecord machine = machine(new RecordKey(machineKey, EncryptionVariant.DATA_KEY),
				Base64.getEncoder().encodeToString(wrappedForTheAccount));
		RecordKeys keys = new RecordKeys(credentials(machineKey), null);
		assertThatExceptionOfType(HappyEncryptionException.class).isThrownBy(() -> keys.checkCanOpenSessionsOf(machine))
			.withMessageContaining("machine key");
	}

	@SpecItem("HAPPY-8.11.3")
	@Test
	void masterSecretCanRunTasksOnDataKeyMachines() {
		byte[] secret = bytes(32);
		byte[] dataKey = bytes(32);
		byte[] wrapped = DataEncryptionKey.wrap(dataKey, ContentKeyPair.fromMasterSecret(secret).publicKey());
		MachineRecord machine = machine(new RecordKey(dataKey, EncryptionVariant.DATA_KEY),
				Base64.getEncoder().encodeToString(wrapped));
		assertThatNoException()
			.isThrownBy(() -> new RecordKeys(credentials(secret), null).checkCanOpenSessionsOf(machine));
	}

	@SpecItem("HAPPY-8.11.3")
	@Test
	void masterSecretCanRunTasksOnLegacyMachines() {
		byte[] secret = bytes(32);
		MachineRecord machine = machine(new RecordKey(secret, EncryptionVariant.LEGACY), null);
		assertThatNoException()
			.isThrownBy(() -> new RecordKeys(credentials(secret), null).checkCanOpenSessionsOf(machine));
	}

}
