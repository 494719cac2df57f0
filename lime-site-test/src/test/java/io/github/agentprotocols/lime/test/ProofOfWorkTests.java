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

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The proof-of-work of spec §6.2.
 */
class ProofOfWorkTests {

	@Test
	void difficultyZeroOrLessNeedsNoWork() {
		assertThat(ProofOfWork.solve("anything", 0)).isEqualTo("0");
		assertThat(ProofOfWork.solve("anything", -3)).isEqualTo("0");
		assertThat(ProofOfWork.isValid("anything", "whatever", 0)).isTrue();
	}

	@Test
	void solvedNonceIsTheFirstValidDecimal() {
		String nonce = ProofOfWork.solve("sdk-test-challenge", 8);
		assertThat(ProofOfWork.isValid("sdk-test-challenge", nonce, 8)).isTrue();
		for (int smaller = 0; smaller < Integer.parseInt(nonce); smaller++) {
			assertThat(ProofOfWork.isValid("sdk-test-challenge", Integer.toString(smaller), 8)).isFalse();
		}
	}

	@Test
	void solvedNoncesMatchTheAgentSdk() {
		assertThat(ProofOfWork.solve("sdk-test-challenge", 8)).isEqualTo("246");
		assertThat(ProofOfWork.solve("0f3c", 12)).isEqualTo("558");
		assertThat(ProofOfWork.solve("défi", 6)).isEqualTo("9");
	}

	@Test
	void solvedNonceHasTheLeadingZeroBitsInItsDigest() {
		String nonce = ProofOfWork.solve("0f3c", 12);
		byte[] digest = ProofOfWork.digest("0f3c" + nonce);
		assertThat(digest[0]).isZero();
		assertThat(digest[1] & 0xF0).isZero();
	}

	@Test
	void digestIsSha256OfTheConcatenation() {
		assertThat(HexFormat.of().formatHex(ProofOfWork.digest("ab" + "c")))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void leadingZeroBitsAreCountedAcrossBytes() {
		byte[] digest = new byte[32];
		digest[0] = 0;
		digest[1] = 0x1F;
		assertThat(ProofOfWork.hasLeadingZeroBits(digest, 11)).isTrue();
		assertThat(ProofOfWork.hasLeadingZeroBits(digest, 12)).isFalse();
		assertThat(ProofOfWork.hasLeadingZeroBits(new byte[32], 256)).isTrue();
		assertThat(ProofOfWork.hasLeadingZeroBits(new byte[32], 300)).isTrue();
		digest[31] = 1;
		digest[1] = 0;
		assertThat(ProofOfWork.hasLeadingZeroBits(digest, 255)).isTrue();
		assertThat(ProofOfWork.hasLeadingZeroBits(digest, 256)).isFalse();
	}

	@Test
	void validityMatchesTheIntegerComparisonOfTheSpec() {
		for (int difficulty = 1; difficulty <= 10; difficulty++) {
			BigInteger bound = BigInteger.ONE.shiftLeft(256 - difficulty);
			for (int nonce = 0; nonce < 500; nonce++) {
				BigInteger value = new BigInteger(1, ProofOfWork.digest("c" + nonce));
				assertThat(ProofOfWork.isValid("c", Integer.toString(nonce), difficulty))
					.isEqualTo(value.compareTo(bound) < 0);
			}
		}
	}

	@Test
	void challengeIsReadAsUtf8Text() {
		String nonce = ProofOfWork.solve("défi", 6);
		assertThat(new BigInteger(1, ProofOfWork.digest("défi" + nonce))).isLessThan(BigInteger.ONE.shiftLeft(250));
	}

	@Test
	void solveGivesUpAfterItsBudget() {
		assertThatIllegalStateException().isThrownBy(() -> ProofOfWork.solve("c", 64, Duration.ofMillis(20)))
			.withMessageContaining("not solved");
	}

}
