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
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.wire.HappyJson;
import io.github.agentprotocols.happy.wire.MalformedWireException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The resolved key of a session or machine record and the scheme it is used with.
 * Encrypts and decrypts the record's blobs (metadata, agent or daemon state, message
 * content, RPC parameters and results), and seals or opens their JSON plaintext as
 * base64.
 */
public final class RecordKey {

	private static final int KEY_LENGTH = 32;

	private static final int GCM_NONCE_LENGTH = 12;

	private static final int GCM_TAG_LENGTH = 16;

	private static final byte GCM_VERSION = 0x00;

	/** Shortest AES-GCM blob: version byte, nonce and tag. */
	private static final int GCM_OVERHEAD = 1 + GCM_NONCE_LENGTH + GCM_TAG_LENGTH;

	/** Shortest secretbox blob: nonce and MAC. */
	private static final int SECRETBOX_OVERHEAD = SecretBox.NONCE_LENGTH + SecretBox.MAC_LENGTH;

	private final byte[] key;

	private final EncryptionVariant variant;

	/**
	 * Creates a record key.
	 * @param key the 32-byte key
	 * @param variant the scheme the record uses
	 * @throws IllegalArgumentException if the key is not 32 bytes
	 */
	public RecordKey(byte[] key, EncryptionVariant variant) {
		if (key.length != KEY_LENGTH) {
			throw new IllegalArgumentException("Record key must be " + KEY_LENGTH + " bytes, not " + key.length);
		}
		this.key = key.clone();
		this.variant = variant;
	}

	/**
	 * The 32-byte key.
	 * @return a copy of the key
	 */
	public byte[] key() {
		return this.key.clone();
	}

	/**
	 * The scheme the record uses.
	 * @return the variant
	 */
	public EncryptionVariant variant() {
		return this.variant;
	}

	/**
	 * The length of the nonce this key's scheme uses: 24 bytes for secretbox, 12 for
	 * AES-GCM.
	 * @return the nonce length
	 */
	public int nonceLength() {
		return (this.variant == EncryptionVariant.LEGACY) ? SecretBox.NONCE_LENGTH : GCM_NONCE_LENGTH;
	}

	/**
	 * Encrypts a plaintext with a fresh random nonce.
	 * @param plaintext the plaintext
	 * @return the blob
	 */
	public byte[] encrypt(byte[] plaintext) {
		return encrypt(plaintext, Bytes.random(nonceLength()));
	}

	/**
	 * Encrypts a plaintext with the given nonce, for test vectors and test kits. Never
	 * reuse a nonce with the same key.
	 * @param plaintext the plaintext
	 * @param nonce the nonce, of {@link #nonceLength()} bytes
	 * @return the blob
	 * @throws IllegalArgumentException if the nonce has the wrong length
	 */
	public byte[] encrypt(byte[] plaintext, byte[] nonce) {
		if (nonce.length != nonceLength()) {
			throw new IllegalArgumentException("A " + this.variant.wireValue() + " nonce must be " + nonceLength()
					+ " bytes, not " + nonce.length);
		}
		if (this.variant == EncryptionVariant.LEGACY) {
			byte[] blob = new byte[SECRETBOX_OVERHEAD + plaintext.length];
			System.arraycopy(nonce, 0, blob, 0, nonce.length);
			SecretBox.seal(this.key, nonce, plaintext, blob, nonce.length);
			return blob;
		}
		byte[] blob = new byte[GCM_OVERHEAD + plaintext.length];
		blob[0] = GCM_VERSION;
		System.arraycopy(nonce, 0, blob, 1, nonce.length);
		try {
			cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plaintext, 0, plaintext.length, blob, 1 + nonce.length);
			return blob;
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts a blob.
	 * @param blob the blob
	 * @return the plaintext
	 * @throws HappyEncryptionException if the blob is too short, has a bad version byte,
	 * was encrypted with another key or was tampered with
	 */
	public byte[] decrypt(byte[] blob) {
		if (this.variant == EncryptionVariant.LEGACY) {
			if (blob.length < SECRETBOX_OVERHEAD) {
				throw tooShort(blob, SECRETBOX_OVERHEAD);
			}
			return SecretBox.open(this.key, Arrays.copyOf(blob, SecretBox.NONCE_LENGTH), blob, SecretBox.NONCE_LENGTH);
		}
		if (blob.length < GCM_OVERHEAD) {
			throw tooShort(blob, GCM_OVERHEAD);
		}
		if (blob[0] != GCM_VERSION) {
			throw new HappyEncryptionException("Unsupported dataKey blob version " + (blob[0] & 0xff));
		}
		int offset = 1 + GCM_NONCE_LENGTH;
		try {
			return cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(blob, 1, offset)).doFinal(blob, offset,
					blob.length - offset);
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("AES-GCM authentication failed (wrong key or tampered data)", ex);
		}
	}

	/**
	 * Encrypts a JSON value as compact UTF-8 JSON and encodes the blob in base64.
	 * @param value the value (a map, list, string, number, boolean or any
	 * Jackson-writable object)
	 * @return the base64 blob
	 */
	public String seal(@Nullable Object value) {
		byte[] json;
		try {
			json = HappyJson.writeBytes(value);
		}
		catch (JacksonException ex) {
			throw new HappyEncryptionException("Value cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
		return Base64.getEncoder().encodeToString(encrypt(json));
	}

	/**
	 * Decodes a base64 blob, decrypts it and reads its JSON.
	 * @param base64 the base64 blob
	 * @return the immutable JSON value
	 * @throws HappyEncryptionException if the blob is not base64, does not decrypt or is
	 * not JSON
	 */
	public @Nullable Object open(String base64) {
		byte[] json = decrypt(decodeBase64(base64));
		try {
			return HappyJson.readValue(json);
		}
		catch (MalformedWireException ex) {
			throw new HappyEncryptionException("Decrypted record is not valid JSON: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decodes, decrypts and reads a blob holding a JSON object, such as metadata.
	 * @param base64 the base64 blob
	 * @return the immutable JSON object, in document order
	 * @throws HappyEncryptionException if the blob does not open or its JSON is not an
	 * object
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> openObject(String base64) {
		Object value = open(base64);
		if (!(value instanceof Map)) {
			throw new HappyEncryptionException("Decrypted record is not a JSON object");
		}
		return (Map<String, @Nullable Object>) value;
	}

	static byte[] decodeBase64(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new HappyEncryptionException("Encrypted value is not valid base64", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(this.key, "AES"), new GCMParameterSpec(GCM_TAG_LENGTH * 8, nonce));
		return cipher;
	}

	private static HappyEncryptionException tooShort(byte[] blob, int minimum) {
		return new HappyEncryptionException(
				"Encrypted blob of " + blob.length + " bytes is shorter than the " + minimum + " its scheme requires");
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof RecordKey that) && this.variant == that.variant
				&& MessageDigest.isEqual(this.key, that.key);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.key) + this.variant.hashCode();
	}

	@Override
	public String toString() {
		return "RecordKey[variant=" + this.variant.wireValue() + "]";
	}

}
