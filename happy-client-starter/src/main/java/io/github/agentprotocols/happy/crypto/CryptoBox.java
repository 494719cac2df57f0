package io.github.agentprotocols.happy.crypto;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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
	 * HSalsa20 as BouncyCastle's {@link XSalsa20Engine} computes it while setting its
	 * key: for a 24-byte nonce whose first 16 bytes are zero, the engine's state then
	 * holds {@code HSalsa20(key, 0^16)} in its key words (1-4 and 11-14), which are read
	 * back here.
	 */
	private static final class HSalsa20 extends XSalsa20Engine {

		private static final int[] KEY_WORDS = { 1, 2, 3, 4, 11, 12, 13, 14 };

		static byte[] subKey(byte[] key) {
			HSalsa20 engine = new HSalsa20();
			engine.init(true, new ParametersWithIV(new KeyParameter(key), new byte[SecretBox.NONCE_LENGTH]));
			byte[] subKey = new byte[KEY_WORDS.length * 4];
			for (int i = 0; i < KEY_WORDS.length; i++) {
				Pack.intToLittleEndian(engine.engineState[KEY_WORDS[i]], subKey, i * 4);
			}
			return subKey;
		}

	}

}
