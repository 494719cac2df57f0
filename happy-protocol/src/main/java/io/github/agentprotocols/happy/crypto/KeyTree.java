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
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * Happy's HMAC-SHA512 key-derivation tree: a root node from a usage label, then one child
 * node per path element.
 */
public final class KeyTree {

	private static final String HMAC_SHA512 = "HmacSHA512";

	private KeyTree() {
	}

	/**
	 * Derives the 32-byte key at the given path.
	 * @param master the master key material
	 * @param usage the usage label, such as {@code "Happy EnCoder"}
	 * @param path the child indexes, such as {@code "content"}
	 * @return the derived key
	 */
	public static byte[] deriveKey(byte[] master, String usage, String... path) {
		return Arrays.copyOf(deriveNode(master, usage, path), 32);
	}

	/**
	 * Derives the node at the given path: its key followed by its chain code.
	 * @param master the master key material
	 * @param usage the usage label
	 * @param path the child indexes
	 * @return 64 bytes, key then chain code
	 */
	static byte[] deriveNode(byte[] master, String usage, String... path) {
		byte[] node = hmac((usage + " Master Seed").getBytes(StandardCharsets.UTF_8), master);
		for (String index : path) {
			byte[] name = index.getBytes(StandardCharsets.UTF_8);
			byte[] data = new byte[name.length + 1];
			System.arraycopy(name, 0, data, 1, name.length);
			node = hmac(Arrays.copyOfRange(node, 32, 64), data);
		}
		return node;
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA512);
			mac.init(new SecretKeySpec(key, HMAC_SHA512));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new HappyEncryptionException("HMAC-SHA512 failed", ex);
		}
	}

}
