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
