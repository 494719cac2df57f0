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
 * The response of the account-link flow: a payload (the master secret) boxed to the
 * requester's ephemeral public key, laid out
 * {@code senderEphemeralPublicKey (32) || nonce
 * (24) || crypto_box (16 MAC + payload)}, with no version byte (104 bytes for 32).
 */
public final class AccountLinkBundle {

	private static final int HEADER = X25519.KEY_LENGTH + SecretBox.NONCE_LENGTH;

	private AccountLinkBundle() {
	}

	/**
	 * Seals a payload with a fresh ephemeral key pair and nonce.
	 * @param payload the payload
	 * @param recipientPublicKey the requester's 32-byte public key
	 * @return the bundle
	 */
	public static byte[] seal(byte[] payload, byte[] recipientPublicKey) {
		return seal(payload, recipientPublicKey, Bytes.random(X25519.KEY_LENGTH), Bytes.random(SecretBox.NONCE_LENGTH));
	}

	/**
	 * Seals a payload with the given ephemeral secret key and nonce, for test vectors.
	 * @param payload the payload
	 * @param recipientPublicKey the requester's 32-byte public key
	 * @param ephemeralSecretKey the 32-byte ephemeral X25519 secret key
	 * @param nonce the 24-byte nonce
	 * @return the bundle
	 */
	public static byte[] seal(byte[] payload, byte[] recipientPublicKey, byte[] ephemeralSecretKey, byte[] nonce) {
		byte[] box = CryptoBox.seal(payload, nonce, recipientPublicKey, ephemeralSecretKey);
		return Bytes.concat(X25519.publicKey(ephemeralSecretKey), nonce, box);
	}

	/**
	 * Opens a bundle with the requester's secret key.
	 * @param bundle the bundle
	 * @param recipientSecretKey the requester's 32-byte secret key
	 * @return the payload
	 * @throws HappyEncryptionException if the bundle is too short or does not open
	 */
	public static byte[] open(byte[] bundle, byte[] recipientSecretKey) {
		if (bundle.length < HEADER + SecretBox.MAC_LENGTH) {
			throw new HappyEncryptionException("Account-link bundle of " + bundle.length + " bytes is too short");
		}
		return CryptoBox.open(Arrays.copyOfRange(bundle, HEADER, bundle.length),
				Arrays.copyOfRange(bundle, X25519.KEY_LENGTH, HEADER), Arrays.copyOf(bundle, X25519.KEY_LENGTH),
				recipientSecretKey);
	}

}
