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
