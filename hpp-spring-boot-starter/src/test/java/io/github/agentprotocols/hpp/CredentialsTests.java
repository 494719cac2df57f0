package io.github.agentprotocols.hpp;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

	private final Credentials credentials = new Credentials();

	@Test
	void sessionIdIs128RandomBitsInLowercaseHex() {
		assertThat(this.credentials.sessionId()).hasSize(32).matches("[0-9a-f]{32}");
	}

	@Test
	void tokenIs192RandomBitsInBase64UrlWithoutPadding() {
		assertThat(this.credentials.token()).hasSize(32).matches("[A-Za-z0-9_-]{32}");
	}

	@Test
	void everyCredentialIsNew() {
		Set<String> minted = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			minted.add(this.credentials.sessionId());
			minted.add(this.credentials.token());
		}
		assertThat(minted).hasSize(2000);
	}

}
