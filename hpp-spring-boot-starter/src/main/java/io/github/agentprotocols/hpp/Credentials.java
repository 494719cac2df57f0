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

package io.github.agentprotocols.hpp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Mints the credentials of new sessions from a CSPRNG (spec §6.1): the {@code sessionId},
 * 16 random bytes as lowercase hex, and the {@code token}, 24 random bytes as base64url
 * without padding.
 */
final class Credentials {

	private final SecureRandom random = new SecureRandom();

	/**
	 * A new session id.
	 * @return 32 lowercase hex characters
	 */
	String sessionId() {
		return HexFormat.of().formatHex(randomBytes(16));
	}

	/**
	 * A new handshake token.
	 * @return 32 characters from {@code [A-Za-z0-9_-]}
	 */
	String token() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
