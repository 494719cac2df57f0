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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSecretTests {

	private final SharedSecret secret = new SharedSecret("local-token");

	@Test
	void theSecretItselfMatches() {
		assertThat(this.secret.matches("local-token")).isTrue();
	}

	@Test
	void anyOtherValueDoesNotMatch() {
		assertThat(this.secret.matches("local-tokem")).isFalse();
		assertThat(this.secret.matches("local-token-and-more")).isFalse();
		assertThat(this.secret.matches("")).isFalse();
	}

	@Test
	void missingCandidateDoesNotMatch() {
		assertThat(this.secret.matches(null)).isFalse();
	}

	@Test
	void candidateIsComparedExactlyAsGiven() {
		assertThat(this.secret.matches(" local-token")).isFalse();
		assertThat(this.secret.matches("LOCAL-TOKEN")).isFalse();
	}

	@Test
	void nonAsciiSecretsMatchByTheirCharacters() {
		assertThat(new SharedSecret("clé-é").matches("clé-é")).isTrue();
		assertThat(new SharedSecret("clé-é").matches("cle-e")).isFalse();
	}

	@Test
	void loneSurrogateDoesNotMatchTheQuestionMarkAnEncoderWouldWriteForIt() {
		assertThat(new SharedSecret("tok?").matches("tok\ud800")).isFalse();
		assertThat(new SharedSecret("tok\ud800").matches("tok?")).isFalse();
		assertThat(new SharedSecret("tok\ud800").matches("tok\ud800")).isTrue();
	}

	@Test
	void toStringDoesNotRevealTheSecret() {
		assertThat(this.secret.toString()).doesNotContain("local-token");
	}

}
