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

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * An X25519 box key pair, such as the account's content key pair derived from its master
 * secret, to which data keys are wrapped.
 */
public final class ContentKeyPair {

	private final byte[] secretKey;

	private final byte[] publicKey;

	private ContentKeyPair(byte[] secretKey) {
		this.secretKey = secretKey.clone();
		this.publicKey = X25519.publicKey(this.secretKey);
	}

	/**
	 * Derives the account's content key pair from its master secret: the secret key is
	 * the first half of SHA-512 of the content seed (libsodium's seed key pair).
	 * @param masterSecret the 32-byte account master secret
	 * @return the content key pair
	 */
	public static ContentKeyPair fromMasterSecret(byte[] masterSecret) {
		byte[] seed = KeyTree.deriveKey(masterSecret, "Happy EnCoder", "content");
		return new ContentKeyPair(Arrays.copyOf(sha512(seed), X25519.KEY_LENGTH));
	}

	/**
	 * Creates the key pair of a given box secret key, such as an ephemeral one.
	 * @param secretKey the 32-byte X25519 secret key
	 * @return the key pair
	 */
	public static ContentKeyPair fromSecretKey(byte[] secretKey) {
		return new ContentKeyPair(secretKey);
	}

	/**
	 * Creates a key pair from a fresh random secret key.
	 * @return the key pair
	 */
	public static ContentKeyPair generate() {
		return new ContentKeyPair(Bytes.random(X25519.KEY_LENGTH));
	}

	/**
	 * The 32-byte X25519 secret key.
	 * @return a copy of the secret key
	 */
	public byte[] secretKey() {
		return this.secretKey.clone();
	}

	/**
	 * The 32-byte X25519 public key.
	 * @return a copy of the public key
	 */
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	private static byte[] sha512(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-512").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("SHA-512 failed", ex);
		}
	}

	@Override
	public String toString() {
		return "ContentKeyPair[publicKey=" + Base64.getEncoder().encodeToString(this.publicKey) + "]";
	}

}
