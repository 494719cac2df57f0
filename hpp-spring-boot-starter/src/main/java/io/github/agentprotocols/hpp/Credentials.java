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
