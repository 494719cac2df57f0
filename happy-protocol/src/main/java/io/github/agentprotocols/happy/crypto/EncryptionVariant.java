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

import io.github.agentprotocols.happy.core.HappyEncryptionException;

/**
 * The encryption scheme of a record, named as the daemon names it in
 * {@code sessions.json}.
 */
public enum EncryptionVariant {

	/**
	 * NaCl secretbox (XSalsa20-Poly1305): {@code nonce (24) || MAC (16) || ciphertext}.
	 */
	LEGACY("legacy"),

	/**
	 * AES-256-GCM: {@code 0x00 || nonce (12) || ciphertext || tag (16)}.
	 */
	DATA_KEY("dataKey");

	private final String wireValue;

	EncryptionVariant(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The name on the wire.
	 * @return {@code legacy} or {@code dataKey}
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The variant of a wire name.
	 * @param wireValue {@code legacy} or {@code dataKey}
	 * @return the variant
	 * @throws HappyEncryptionException for any other name
	 */
	public static EncryptionVariant fromWireValue(String wireValue) {
		for (EncryptionVariant variant : values()) {
			if (variant.wireValue.equals(wireValue)) {
				return variant;
			}
		}
		throw new HappyEncryptionException("Unknown encryption variant '" + wireValue + "'");
	}

}
