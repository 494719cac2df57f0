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

package io.github.agentprotocols.appcontrol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a message quotes a peer's text: lone surrogates escaped, pairs kept, long texts cut
 * never between the halves of a pair.
 */
class QuotedTextTests {

	@Test
	void loneSurrogatesAreEscapedAndPairsKept() {
		assertThat(QuotedText.escaped("a\uD800b\uDC00c\uD83D\uDE00\uDBFF"))
			.isEqualTo("a\\ud800b\\udc00c\uD83D\uDE00\\udbff");
		assertThat(QuotedText.escaped("plain")).isEqualTo("plain");
	}

	@Test
	void aLongTextIsCutBeforeAPairItWouldSplit() {
		String text = "x".repeat(99) + "\uD83D\uDE00" + "y".repeat(10);
		assertThat(QuotedText.of(text)).isEqualTo("x".repeat(99) + "… (111 characters)");
		assertThat(QuotedText.of("x".repeat(100))).isEqualTo("x".repeat(100));
	}

	@Test
	void aPathQuotesItsKeysAndADepthRefusalCutsItWithoutSplittingAPair() {
		assertThat(JsonPointers.toPath("/input/\uD800/0")).isEqualTo("$.input.\\ud800[0]");
		String pointer = "/" + "a".repeat(57) + "\uD83D\uDE00" + "b";
		ProtocolValidationException tooDeep = ProtocolValidationException.tooDeep(null, pointer);
		assertThat(UnicodeText.loneSurrogate(tooDeep.getMessage())).isEqualTo(-1);
		assertThat(tooDeep.getMessage()).startsWith("$." + "a".repeat(57) + "…");
	}

}
