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

import java.math.BigInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading wire text: every malformed text says what is wrong with it, where, and why (the
 * parser's exception is the cause).
 */
class AppControlJsonTests {

	static Stream<Arguments> malformedTexts() {
		return Stream.of(Arguments.of("not JSON", "{not json", "", "line 1, column 2"),
				Arguments.of("a bare word", "hello", "", "Unrecognized token 'hello'"),
				Arguments.of("truncated", "{\"a\":{\"b\":", "/a/b", "ends before the document does (truncated)"),
				Arguments.of("trailing garbage", "{\"a\":1} x", "", "unexpected content after the document"),
				Arguments.of("+Infinity, which Python does not read", "{\"a\":[+Infinity]}", "/a/0",
						"+Infinity is not a JSON number"),
				Arguments.of("-INF, which Python does not read", "{\"a\":-INF}", "/a", "-INF is not a JSON number"),
				Arguments.of("a block comment", "{/* note */\"a\":1}", "", "comments are not allowed"),
				Arguments.of("a line comment", "{\"a\":1 // note\n}", "/a", "comments are not allowed"),
				Arguments.of("a trailing comma", "{\"a\":1,}", "/a", "was expecting double-quote"),
				Arguments.of("single quotes", "{'a':1}", "", "was expecting double-quote"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTexts")
	void malformedTextSaysWhatIsWrong(String name, String json, String pointer, String messagePart) {
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(() -> AppControlJson.readObject(json))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
				assertThat(ex.getPointer()).isEqualTo(pointer);
				assertThat(ex.getMessage()).startsWith("$ is not valid JSON").contains(messagePart);
				assertThat(ex.getCause()).isInstanceOf(JacksonException.class);
			});
	}

	@Test
	void integersOfUpTo4300DigitsAndKeysOfAnyLengthAreReadAsPythonReadsThem() {
		String digits = "7".repeat(4300);
		String key = "k".repeat(60_000);
		assertThat(AppControlJson.readObject("{\"x\":" + digits + ",\"y\":-" + digits + ",\"" + key + "\":1}"))
			.containsEntry("x", new BigInteger(digits))
			.containsEntry("y", new BigInteger("-" + digits))
			.containsKey(key);
	}

	@Test
	void longerNumberIsRefusedForWhatItIs() {
		ProtocolValidationException ex = refusal("{\"a\":{\"n\":" + "7".repeat(4301) + "}}");
		assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.LIMIT);
		assertThat(ex.getPointer()).isEqualTo("/a/n");
		assertThat(ex.getMessage()).startsWith("$.a.n is a number longer than 4300 characters")
			.doesNotContain("nested");
		assertThat(ex.getCause()).isInstanceOf(StreamConstraintsException.class);
	}

	@Test
	void numberWithAFractionLongerThanTheLimitIsRefusedThoughPythonReadsIt() {
		assertThat(AppControlJson.readObject("{\"x\":0." + "3".repeat(4298) + "}")).containsKey("x");
		ProtocolValidationException ex = refusal("{\"x\":0." + "3".repeat(5000) + "}");
		assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.LIMIT);
		assertThat(ex.getPointer()).isEqualTo("/x");
	}

	@Test
	void duplicateKeysAreRefusedEvenWithEqualValues() {
		ProtocolValidationException ex = refusal("{\"tool\":\"t\",\"tool\":\"t\"}");
		assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
		assertThat(ex.getMessage()).startsWith("$ has a duplicate key \"tool\"");
	}

	private static ProtocolValidationException refusal(String json) {
		try {
			AppControlJson.readObject(json);
		}
		catch (ProtocolValidationException ex) {
			return ex;
		}
		throw new AssertionError("expected the text to be refused");
	}

	@Test
	void secondDocumentIsTrailingContent() {
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> AppControlJson.readObject("{\"a\":1}\n{\"b\":2}"))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
				assertThat(ex.getMessage())
					.isEqualTo("$ is not valid JSON: unexpected content after the document at line 2, column 1");
			});
	}

	@Test
	void duplicateKeyIsNamedWithTheObjectItIsIn() {
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> AppControlJson.readObject("{\"command\":{\"tool\":\"t\",\"tool\":\"u\"}}"))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
				assertThat(ex.getPointer()).isEqualTo("/command/tool");
				assertThat(ex.getMessage()).startsWith("$.command has a duplicate key \"tool\"");
				assertThat(ex.getCause()).isInstanceOf(JacksonException.class);
			});
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> AppControlJson.readObject("{\"token\":\"a\",\"token\":\"b\"}"))
			.withMessageStartingWith("$ has a duplicate key \"token\"");
	}

	@Test
	void byteOrderMarkIsRefused() {
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> AppControlJson.readObject("\uFEFF{\"a\":1}"))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.SYNTAX);
				assertThat(ex.getMessage()).contains("byte order mark");
			});
	}

	@Test
	void emptyTextIsRefused() {
		for (String empty : new String[] { "", " \n\t" }) {
			assertThatExceptionOfType(ProtocolValidationException.class)
				.isThrownBy(() -> AppControlJson.readObject(empty))
				.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("$ is not valid JSON: the text is empty"));
		}
	}

	@Test
	void nestingBeyondTheLimitIsADepthError() {
		String deep = "{\"a\":".repeat(AppControlJson.MAX_DEPTH + 1) + "1" + "}".repeat(AppControlJson.MAX_DEPTH + 1);
		assertThatExceptionOfType(ProtocolValidationException.class).isThrownBy(() -> AppControlJson.readObject(deep))
			.satisfies((ex) -> {
				assertThat(ex.getKeyword()).isEqualTo(ProtocolValidationException.DEPTH);
				assertThat(ex.getMessage()).contains("nested more than 500 levels deep");
				assertThat(ex.getCause()).isInstanceOf(JacksonException.class);
			});
		String limit = "{\"a\":".repeat(AppControlJson.MAX_DEPTH - 1) + "{}" + "}".repeat(AppControlJson.MAX_DEPTH - 1);
		assertThat(AppControlJson.readObject(limit)).containsKey("a");
	}

	@Test
	void wellFormedDocumentThatIsNotAnObjectIsATypeError() {
		for (String json : new String[] { "[]", "\"{}\"", "1", "null" }) {
			assertThatExceptionOfType(ProtocolValidationException.class)
				.isThrownBy(() -> AppControlJson.readObject(json))
				.satisfies((ex) -> {
					assertThat(ex.getKeyword()).isEqualTo("type");
					assertThat(ex.getMessage()).isEqualTo("$ must be an object");
				});
		}
	}

}
