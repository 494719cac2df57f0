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

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * A record's data key wrapped to the account's content public key, as carried by the
 * {@code dataEncryptionKey} field:
 * {@code 0x00 || ephemeralPublicKey (32) || nonce (24) ||
 * crypto_box (16 MAC + key)}, 105 bytes for a 32-byte key.
 */
public final class DataEncryptionKey {

	private static final byte VERSION = 0x00;

	private static final int HEADER = 1 + X25519.KEY_LENGTH + SecretBox.NONCE_LENGTH;

	private DataEncryptionKey() {
	}

	/**
	 * Wraps a data key with a fresh ephemeral key pair and nonce.
	 * @param dataKey the 32-byte data key
	 * @param recipientContentPublicKey the account content public key
	 * @return the wrapped key
	 */
	public static byte[] wrap(byte[] dataKey, byte[] recipientContentPublicKey) {
		return wrap(dataKey, recipientContentPublicKey, Bytes.random(X25519.KEY_LENGTH),
				Bytes.random(SecretBox.NONCE_LENGTH));
	}

	/**
	 * Wraps a data key with the given ephemeral secret key and nonce, for test vectors.
	 * @param dataKey the data key
	 * @param recipientContentPublicKey the account content public key
	 * @param ephemeralSecretKey the 32-byte ephemeral X25519 secret key
	 * @param nonce the 24-byte nonce
	 * @return the wrapped key
	 */
	public static byte[] wrap(byte[] dataKey, byte[] recipientContentPublicKey, byte[] ephemeralSecretKey,
			byte[] nonce) {
		byte[] box = CryptoBox.seal(dataKey, nonce, recipientContentPublicKey, ephemeralSecretKey);
		return Bytes.concat(new byte[] { VERSION }, X25519.publicKey(ephemeralSecretKey), nonce, box);
	}

	/**
	 * Unwraps a data key with the account's content key pair.
	 * @param wrapped the wrapped key
	 * @param recipient the account content key pair
	 * @return the data key
	 * @throws HappyEncryptionException if the version byte is not 0, the value is too
	 * short, or the box does not open with this key pair
	 */
	public static byte[] open(byte[] wrapped, ContentKeyPair recipient) {
		checkVersion(wrapped);
		if (wrapped.length < HEADER + SecretBox.MAC_LENGTH) {
			throw new HappyEncryptionException("Wrapped data key of " + wrapped.length + " bytes is too short");
		}
		byte[] ephemeralPublicKey = Arrays.copyOfRange(wrapped, 1, 1 + X25519.KEY_LENGTH);
		byte[] nonce = Arrays.copyOfRange(wrapped, 1 + X25519.KEY_LENGTH, HEADER);
		byte[] box = Arrays.copyOfRange(wrapped, HEADER, wrapped.length);
		return CryptoBox.open(box, nonce, ephemeralPublicKey, recipient.secretKey());
	}

	/**
	 * Checks the version byte of a wrapped key.
	 * @param wrapped the wrapped key
	 * @throws HappyEncryptionException if it is empty or its version byte is not 0
	 */
	static void checkVersion(byte[] wrapped) {
		if (wrapped.length == 0 || wrapped[0] != VERSION) {
			throw new HappyEncryptionException("Unsupported dataEncryptionKey version "
					+ ((wrapped.length == 0) ? "(empty value)" : String.valueOf(wrapped[0] & 0xff)));
		}
	}

}
