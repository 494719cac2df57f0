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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * The account's Ed25519 identity, whose 32-byte seed is the master secret itself: its
 * public key is the account's key on the server, and it signs login challenges. Signing
 * and verifying use the JDK, and so does computing the public key from the seed (the
 * JDK's Ed25519 key pair generator, given the seed as its only random bytes).
 */
public final class AccountIdentity {

	private static final String ED25519 = "Ed25519";

	/** DER prefix of a PKCS#8 Ed25519 private key, followed by the 32-byte seed. */
	private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

	/** DER prefix of an X.509 Ed25519 public key, followed by the 32-byte key. */
	private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

	private static final int KEY_LENGTH = 32;

	private final PrivateKey privateKey;

	private final byte[] publicKey;

	private AccountIdentity(byte[] seed) {
		if (seed.length != KEY_LENGTH) {
			throw new HappyEncryptionException("Ed25519 seed must be " + KEY_LENGTH + " bytes, not " + seed.length);
		}
		try {
			this.privateKey = KeyFactory.getInstance(ED25519)
				.generatePrivate(new PKCS8EncodedKeySpec(Bytes.concat(PKCS8_PREFIX, seed)));
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("Ed25519 private key cannot be built", ex);
		}
		this.publicKey = publicKeyOf(seed, this.privateKey);
	}

	private static byte[] publicKeyOf(byte[] seed, PrivateKey privateKey) {
		KeyPair pair;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(ED25519);
			generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
			pair = generator.generateKeyPair();
		}
		catch (GeneralSecurityException | IllegalStateException ex) {
			throw new HappyEncryptionException("Ed25519 public key cannot be computed", ex);
		}
		if (!Arrays.equals(pair.getPrivate().getEncoded(), privateKey.getEncoded())) {
			throw new HappyEncryptionException("The JDK's Ed25519 key pair generator did not use the seed given");
		}
		byte[] encoded = pair.getPublic().getEncoded();
		return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
	}

	/**
	 * The identity of the account owning the given master secret.
	 * @param masterSecret the 32-byte account master secret
	 * @return the identity
	 */
	public static AccountIdentity fromMasterSecret(byte[] masterSecret) {
		return new AccountIdentity(masterSecret);
	}

	/**
	 * The raw 32-byte Ed25519 public key.
	 * @return a copy of the public key
	 */
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	/**
	 * Signs a message (deterministic Ed25519).
	 * @param message the message
	 * @return the 64-byte detached signature
	 */
	public byte[] sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance(ED25519);
			signature.initSign(this.privateKey);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("Ed25519 signing failed", ex);
		}
	}

	/**
	 * Verifies a detached Ed25519 signature.
	 * @param publicKey the raw 32-byte public key
	 * @param message the message signed
	 * @param signature the 64-byte signature
	 * @return whether the signature is valid; {@code false} as well for a malformed key
	 * or signature
	 */
	public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
		if (publicKey.length != KEY_LENGTH || signature.length != 64) {
			return false;
		}
		try {
			PublicKey key = KeyFactory.getInstance(ED25519)
				.generatePublic(new X509EncodedKeySpec(Bytes.concat(X509_PREFIX, publicKey)));
			Signature verifier = Signature.getInstance(ED25519);
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	/**
	 * Random bytes that are the seed: the only bytes a key pair generator reads.
	 */
	private static final class SeedRandom extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final transient byte[] seed;

		SeedRandom(byte[] seed) {
			this.seed = seed;
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (bytes.length != this.seed.length) {
				throw new IllegalStateException(
						"Expected a read of " + this.seed.length + " bytes, not " + bytes.length);
			}
			System.arraycopy(this.seed, 0, bytes, 0, bytes.length);
		}

	}

	@Override
	public String toString() {
		return "AccountIdentity[publicKey=" + HexFormat.of().formatHex(this.publicKey) + "]";
	}

}
