package io.github.agentprotocols.appcontrol.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are compared exactly, character for character.
 */
class ServiceTokenTests {

	@Test
	void onlyTheExactTokenMatches() {
		ServiceToken token = new ServiceToken("tok-123");
		assertThat(token.matches("tok-123")).isTrue();
		assertThat(token.matches(" tok-123 ")).isFalse();
		assertThat(token.matches("tok-123\n")).isFalse();
		assertThat(token.matches(null)).isFalse();
		assertThat(token.matches(123)).isFalse();
	}

	@Test
	void loneSurrogateDoesNotMatchTheQuestionMarkUtf8EncodingWouldPutInItsPlace() {
		ServiceToken token = new ServiceToken("tok?");
		assertThat(token.matches("tok?")).isTrue();
		assertThat(token.matches("tok\uD800")).isFalse();
	}

}
