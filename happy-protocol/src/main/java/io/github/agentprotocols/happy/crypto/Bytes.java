package io.github.agentprotocols.happy.crypto;

import java.security.SecureRandom;

/**
 * Byte-array helpers: fresh random bytes and concatenation.
 */
final class Bytes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Bytes() {
	}

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] joined = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, joined, offset, part.length);
			offset += part.length;
		}
		return joined;
	}

}
