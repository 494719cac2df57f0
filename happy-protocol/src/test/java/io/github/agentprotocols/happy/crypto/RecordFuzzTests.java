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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.happy.core.HappyEncryptionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a Happy server handing the client encrypted records: a record's
 * {@code dataEncryptionKey} and {@code metadata} given to {@link RecordKeyResolver}, a
 * base64 blob given to {@link RecordKey#openObject}, and plaintext of any bytes sealed
 * with the account's record key, so that decoding after decryption is reached too.
 * Asserts that each is opened or refused with a {@link HappyEncryptionException}; never
 * another exception.
 */
class RecordFuzzTests {

	private static final byte[] SECRET = Vectors.SECRET;

	/** The keys a record may have: the secret's, in either scheme, or a data key. */
	private static final List<RecordKey> KEYS = List.of(new RecordKey(SECRET, EncryptionVariant.LEGACY),
			new RecordKey(SECRET, EncryptionVariant.DATA_KEY),
			new RecordKey(Vectors.DATA_KEY, EncryptionVariant.DATA_KEY));

	private static final ContentKeyPair ACCOUNT = ContentKeyPair.fromMasterSecret(SECRET);

	/**
	 * A record's keys as the server sends them: its {@code dataEncryptionKey} on the
	 * first line (none when empty), its {@code metadata} on the second.
	 * @param record the two fields
	 */
	@FuzzTest(maxDuration = "2m")
	void recordKey(byte[] record) {
		String[] fields = new String(record, StandardCharsets.ISO_8859_1).split("\n", 2);
		String dataEncryptionKey = fields[0].isEmpty() ? null : fields[0];
		String metadata = (fields.length > 1) ? fields[1] : "";
		try {
			RecordKey key = new RecordKeyResolver(SECRET).resolve("record", dataEncryptionKey, metadata);
			assertThat(key.key()).hasSize(32);
		}
		catch (HappyEncryptionException ex) {
			// refused as documented
		}
	}

	/**
	 * An encrypted field as the server sends it, base64 text, opened with either scheme.
	 * @param text the field
	 */
	@FuzzTest(maxDuration = "2m")
	void encryptedField(byte[] text) {
		String field = new String(text, StandardCharsets.ISO_8859_1);
		for (RecordKey key : KEYS) {
			try {
				key.openObject(field);
			}
			catch (HappyEncryptionException ex) {
				// refused as documented
			}
		}
	}

	/**
	 * A plaintext of any bytes, sealed with the account's keys as a peer that has them
	 * would: the record's JSON, wrapped data key and all.
	 * @param plaintext the plaintext
	 */
	@FuzzTest(maxDuration = "2m")
	void decryptedPlaintext(byte[] plaintext) {
		byte[] dataKey = Arrays.copyOf(plaintext, 32);
		String wrappedKey = base64(DataEncryptionKey.wrap(dataKey, ACCOUNT.publicKey()));
		RecordKey recordKey = new RecordKey(dataKey, EncryptionVariant.DATA_KEY);
		String metadata = base64(recordKey.encrypt(plaintext));
		for (RecordKey key : KEYS) {
			try {
				key.openObject(base64(key.encrypt(plaintext)));
			}
			catch (HappyEncryptionException ex) {
				// not a JSON object
			}
		}
		RecordKey resolved = new RecordKeyResolver(SECRET).resolve("record", wrappedKey, metadata);
		assertThat(resolved).isEqualTo(recordKey);
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
