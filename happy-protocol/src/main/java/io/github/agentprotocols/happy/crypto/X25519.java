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

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;

import javax.crypto.KeyAgreement;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * X25519 over raw 32-byte keys (RFC 7748 encoding), on the JDK's {@code XDH} key
 * agreement.
 */
final class X25519 {

	static final int KEY_LENGTH = 32;

	private static final byte[] BASE_POINT = new byte[KEY_LENGTH];

	static {
		BASE_POINT[0] = 9;
	}

	private X25519() {
	}

	/**
	 * The public key of a secret key: the scalar multiplication of the base point.
	 * @param secretKey the 32-byte secret key (clamped by the multiplication)
	 * @return the 32-byte public key
	 */
	static byte[] publicKey(byte[] secretKey) {
		return sharedSecret(secretKey, BASE_POINT);
	}

	/**
	 * The shared secret of a secret key and another party's public key.
	 * @param secretKey our 32-byte secret key
	 * @param publicKey their 32-byte public key
	 * @return the 32-byte shared secret
	 * @throws HappyEncryptionException if a key has the wrong length or the result is the
	 * all-zero value of a small-order point
	 */
	static byte[] sharedSecret(byte[] secretKey, byte[] publicKey) {
		checkLength(secretKey, "secret");
		checkLength(publicKey, "public");
		try {
			KeyFactory factory = KeyFactory.getInstance("XDH");
			PrivateKey ours = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, secretKey));
			PublicKey theirs = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(publicKey)));
			KeyAgreement agreement = KeyAgreement.getInstance("XDH");
			agreement.init(ours);
			agreement.doPhase(theirs, true);
			return agreement.generateSecret();
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("X25519 key agreement failed", ex);
		}
	}

	private static void checkLength(byte[] key, String kind) {
		if (key.length != KEY_LENGTH) {
			throw new HappyEncryptionException(
					"X25519 " + kind + " key must be " + KEY_LENGTH + " bytes, not " + key.length);
		}
	}

	/** The u-coordinate of an RFC 7748 encoding: little-endian, top bit ignored. */
	private static BigInteger u(byte[] encoded) {
		byte[] bigEndian = new byte[KEY_LENGTH];
		for (int i = 0; i < KEY_LENGTH; i++) {
			bigEndian[i] = encoded[KEY_LENGTH - 1 - i];
		}
		bigEndian[0] &= 0x7f;
		return new BigInteger(1, bigEndian);
	}

}
