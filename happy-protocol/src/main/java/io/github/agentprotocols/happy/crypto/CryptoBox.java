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

import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * NaCl {@code crypto_box} (Curve25519-XSalsa20-Poly1305) as libsodium defines it: the
 * X25519 shared secret, passed through HSalsa20 with a zero 16-byte input, keys a
 * {@link SecretBox}. Output is {@code MAC (16) || ciphertext}, as
 * {@code crypto_box_easy}.
 */
final class CryptoBox {

	private CryptoBox() {
	}

	/**
	 * Encrypts a message from one key pair to another party's public key.
	 * @param plaintext the message
	 * @param nonce the 24-byte nonce
	 * @param recipientPublicKey their 32-byte public key
	 * @param senderSecretKey our 32-byte secret key
	 * @return {@code MAC || ciphertext}
	 */
	static byte[] seal(byte[] plaintext, byte[] nonce, byte[] recipientPublicKey, byte[] senderSecretKey) {
		return SecretBox.seal(sharedKey(recipientPublicKey, senderSecretKey), nonce, plaintext);
	}

	/**
	 * Verifies and decrypts a box sent to us.
	 * @param box {@code MAC || ciphertext}
	 * @param nonce the 24-byte nonce
	 * @param senderPublicKey their 32-byte public key
	 * @param recipientSecretKey our 32-byte secret key
	 * @return the message
	 */
	static byte[] open(byte[] box, byte[] nonce, byte[] senderPublicKey, byte[] recipientSecretKey) {
		return SecretBox.open(sharedKey(senderPublicKey, recipientSecretKey), nonce, box);
	}

	/** {@code crypto_box_beforenm}: HSalsa20 of the X25519 shared secret, zero input. */
	private static byte[] sharedKey(byte[] publicKey, byte[] secretKey) {
		return HSalsa20.subKey(X25519.sharedSecret(secretKey, publicKey));
	}

	/**
	 * HSalsa20 from BouncyCastle's public Salsa20 core: the core adds its input to the
	 * result of the 20 rounds, so subtracting the input from the diagonal and nonce words
	 * gives HSalsa20's output, as XSalsa20 itself derives its subkey.
	 */
	private static final class HSalsa20 {

		private static final int[] OUTPUT_WORDS = { 0, 5, 10, 15, 6, 7, 8, 9 };

		private static final int[] SIGMA = Pack
			.littleEndianToInt("expand 32-byte k".getBytes(StandardCharsets.US_ASCII), 0, 4);

		static byte[] subKey(byte[] key) {
			int[] input = new int[16];
			input[0] = SIGMA[0];
			input[5] = SIGMA[1];
			input[10] = SIGMA[2];
			input[15] = SIGMA[3];
			Pack.littleEndianToInt(key, 0, input, 1, 4);
			Pack.littleEndianToInt(key, 16, input, 11, 4);
			int[] output = new int[16];
			Salsa20Engine.salsaCore(20, input, output);
			byte[] subKey = new byte[OUTPUT_WORDS.length * 4];
			for (int i = 0; i < OUTPUT_WORDS.length; i++) {
				int word = OUTPUT_WORDS[i];
				Pack.intToLittleEndian(output[word] - input[word], subKey, i * 4);
			}
			return subKey;
		}

	}

}
