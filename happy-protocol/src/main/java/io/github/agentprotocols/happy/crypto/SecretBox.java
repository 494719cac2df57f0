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

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305), composed from BouncyCastle's
 * {@link XSalsa20Engine} and {@link Poly1305} as libsodium defines it: the first 32 bytes
 * of the XSalsa20 key stream are the one-time Poly1305 key, the rest of the stream
 * encrypts the message, and the tag authenticates the ciphertext. Output is
 * {@code MAC (16) ||
 * ciphertext}, as {@code crypto_secretbox_easy}.
 */
final class SecretBox {

	static final int KEY_LENGTH = 32;

	static final int NONCE_LENGTH = 24;

	static final int MAC_LENGTH = 16;

	private SecretBox() {
	}

	/**
	 * Encrypts and authenticates a message.
	 * @param key the 32-byte key
	 * @param nonce the 24-byte nonce, never reused with the same key
	 * @param plaintext the message
	 * @return {@code MAC || ciphertext}
	 */
	static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
		byte[] out = new byte[MAC_LENGTH + plaintext.length];
		seal(key, nonce, plaintext, out, 0);
		return out;
	}

	/**
	 * Encrypts and authenticates a message into an array.
	 * @param key the 32-byte key
	 * @param nonce the 24-byte nonce, never reused with the same key
	 * @param plaintext the message
	 * @param out the array receiving {@code MAC || ciphertext}
	 * @param offset where the MAC starts in {@code out}
	 */
	static void seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] out, int offset) {
		XSalsa20Engine stream = stream(key, nonce);
		Poly1305 mac = oneTimeMac(stream);
		stream.processBytes(plaintext, 0, plaintext.length, out, offset + MAC_LENGTH);
		mac.update(out, offset + MAC_LENGTH, plaintext.length);
		mac.doFinal(out, offset);
	}

	/**
	 * Verifies and decrypts a box.
	 * @param key the 32-byte key
	 * @param nonce the 24-byte nonce it was sealed with
	 * @param box {@code MAC || ciphertext}
	 * @return the message
	 * @throws HappyEncryptionException if the box is shorter than a MAC or does not
	 * verify
	 */
	static byte[] open(byte[] key, byte[] nonce, byte[] box) {
		return open(key, nonce, box, 0);
	}

	/**
	 * Verifies and decrypts a box held in an array from an offset to its end.
	 * @param key the 32-byte key
	 * @param nonce the 24-byte nonce it was sealed with
	 * @param input the array holding {@code MAC || ciphertext}
	 * @param offset where the MAC starts in {@code input}
	 * @return the message
	 * @throws HappyEncryptionException if the box is shorter than a MAC or does not
	 * verify
	 */
	static byte[] open(byte[] key, byte[] nonce, byte[] input, int offset) {
		int length = input.length - offset - MAC_LENGTH;
		if (length < 0) {
			throw new HappyEncryptionException("Secretbox is shorter than its " + MAC_LENGTH + "-byte MAC");
		}
		XSalsa20Engine stream = stream(key, nonce);
		Poly1305 mac = oneTimeMac(stream);
		mac.update(input, offset + MAC_LENGTH, length);
		byte[] expected = new byte[MAC_LENGTH];
		mac.doFinal(expected, 0);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(input, offset, offset + MAC_LENGTH))) {
			throw new HappyEncryptionException("Secretbox authentication failed (wrong key or tampered data)");
		}
		byte[] plaintext = new byte[length];
		stream.processBytes(input, offset + MAC_LENGTH, length, plaintext, 0);
		return plaintext;
	}

	private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
		checkLength(key, KEY_LENGTH, "key");
		checkLength(nonce, NONCE_LENGTH, "nonce");
		XSalsa20Engine engine = new XSalsa20Engine();
		engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
		return engine;
	}

	/** Takes the Poly1305 key from the first 32 bytes of the stream, leaving it there. */
	private static Poly1305 oneTimeMac(XSalsa20Engine stream) {
		byte[] macKey = new byte[32];
		stream.processBytes(macKey, 0, macKey.length, macKey, 0);
		Poly1305 mac = new Poly1305();
		mac.init(new KeyParameter(macKey));
		return mac;
	}

	private static void checkLength(byte[] value, int length, String name) {
		if (value.length != length) {
			throw new HappyEncryptionException(
					"Secretbox " + name + " must be " + length + " bytes, not " + value.length);
		}
	}

}
