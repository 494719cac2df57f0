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

package io.github.agentprotocols.commons;

import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

/**
 * A shared secret that presented tokens are checked against, in constant time. The secret
 * is kept as its SHA-256 digest and each candidate is hashed before the comparison, so
 * neither the secret's content nor its length shows in how long a check takes. The digest
 * is taken of the text's UTF-16 code units, so two texts match only if they are the same
 * to the last {@code char} (a UTF-8 encoding would turn a lone surrogate into {@code ?}
 * and let it match). Needs no Spring context.
 */
@Internal
public final class SharedSecret {

	private final byte[] digest;

	/**
	 * A secret.
	 * @param secret the secret, compared exactly as given
	 */
	public SharedSecret(String secret) {
		this.digest = sha256(secret);
	}

	/**
	 * Whether a presented value is the secret. The candidate is compared exactly as
	 * given: callers that accept surrounding white space strip it first.
	 * @param candidate the presented value, or null
	 * @return true if it equals the secret; false for null
	 */
	public boolean matches(@Nullable String candidate) {
		return candidate != null && MessageDigest.isEqual(this.digest, sha256(candidate));
	}

	@Override
	public String toString() {
		return "SharedSecret[******]";
	}

	private static byte[] sha256(String value) {
		byte[] units = new byte[value.length() * 2];
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			units[2 * i] = (byte) (c >>> 8);
			units[2 * i + 1] = (byte) c;
		}
		return Sha256.digest(units);
	}

}
