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

package io.github.agentprotocols.lime.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The LIME proof-of-work: a nonce is valid when
 * {@code SHA-256(UTF-8(challenge + nonce))}, read as an unsigned big-endian integer, is
 * below {@code 2^(256 - difficulty)}, that is when the first {@code difficulty} bits of
 * the digest are zero. Solvers try the decimal nonces {@code "0"}, {@code "1"},
 * {@code "2"}, … in order, as the agent SDK does.
 */
public final class ProofOfWork {

	private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

	private static final int DIGEST_BITS = 256;

	private ProofOfWork() {
	}

	/**
	 * Find the first decimal nonce that is valid for the challenge, giving up after ten
	 * seconds as the agent SDK does.
	 * @param challenge the {@code pow_challenge}
	 * @param difficulty the number of leading zero bits; {@code 0} or less needs no work
	 * @return the nonce; {@code "0"} when {@code difficulty <= 0}
	 * @throws IllegalStateException if no nonce was found within the budget
	 */
	public static String solve(String challenge, int difficulty) {
		return solve(challenge, difficulty, DEFAULT_BUDGET);
	}

	/**
	 * Find the first decimal nonce that is valid for the challenge.
	 * @param challenge the {@code pow_challenge}
	 * @param difficulty the number of leading zero bits; {@code 0} or less needs no work
	 * @param budget how long to search before giving up
	 * @return the nonce; {@code "0"} when {@code difficulty <= 0}
	 * @throws IllegalStateException if no nonce was found within the budget
	 */
	public static String solve(String challenge, int difficulty, Duration budget) {
		if (difficulty <= 0) {
			return "0";
		}
		MessageDigest sha256 = sha256();
		byte[] prefix = challenge.getBytes(StandardCharsets.UTF_8);
		long deadline = System.nanoTime() + budget.toNanos();
		for (long nonce = 0;; nonce++) {
			String candidate = Long.toString(nonce);
			sha256.update(prefix);
			if (hasLeadingZeroBits(sha256.digest(candidate.getBytes(StandardCharsets.US_ASCII)), difficulty)) {
				return candidate;
			}
			if ((nonce & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(
						"Proof-of-work of difficulty " + difficulty + " not solved within " + budget);
			}
		}
	}

	/**
	 * Whether the nonce (any string) is valid for the challenge.
	 * @param challenge the {@code pow_challenge}
	 * @param nonce the candidate {@code pow_nonce}
	 * @param difficulty the number of leading zero bits; {@code 0} or less accepts any
	 * nonce
	 * @return {@code true} if the digest starts with {@code difficulty} zero bits
	 */
	public static boolean isValid(String challenge, String nonce, int difficulty) {
		if (difficulty <= 0) {
			return true;
		}
		return hasLeadingZeroBits(digest(challenge + nonce), difficulty);
	}

	/**
	 * The SHA-256 digest of the UTF-8 bytes of the text.
	 * @param text the text, for the proof-of-work the challenge followed by the nonce
	 * @return the 32-byte digest
	 */
	public static byte[] digest(String text) {
		return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether the digest, read as an unsigned big-endian integer, is below
	 * {@code 2^(256 - bits)}.
	 * @param digest a 32-byte digest
	 * @param bits the number of leading bits that must be zero
	 * @return {@code true} if the first {@code bits} bits are zero
	 */
	static boolean hasLeadingZeroBits(byte[] digest, int bits) {
		int required = Math.min(bits, DIGEST_BITS);
		int fullBytes = required / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (digest[i] != 0) {
				return false;
			}
		}
		int remaining = required % 8;
		return remaining == 0 || (digest[fullBytes] & 0xFF) >>> (8 - remaining) == 0;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
