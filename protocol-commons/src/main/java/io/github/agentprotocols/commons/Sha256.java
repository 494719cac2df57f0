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
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests, each taken with a copy of one prepared {@link MessageDigest} rather
 * than one looked up among the security providers per call. Needs no Spring context.
 */
@Internal
public final class Sha256 {

	private static final MessageDigest PROTOTYPE = named();

	private Sha256() {
	}

	/**
	 * The SHA-256 digest of some bytes.
	 * @param input the bytes
	 * @return the 32-byte digest
	 */
	public static byte[] digest(byte[] input) {
		return copy().digest(input);
	}

	private static MessageDigest copy() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			return named();
		}
	}

	private static MessageDigest named() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
