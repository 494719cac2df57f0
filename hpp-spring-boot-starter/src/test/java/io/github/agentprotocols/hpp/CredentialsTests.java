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
