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

package io.github.agentprotocols.hpp.web;

import java.nio.charset.StandardCharsets;

import io.github.agentprotocols.hpp.HandshakeException;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RequestBodies}: how a body becomes the object a route reads.
 */
class RequestBodiesTests {

	/**
	 * A number too large for a double reads as an infinity, which Python counts as
	 * truthy: the body is refused as a non-object, as {@code 5} is (found by
	 * {@code HandshakeRequestFuzzTests.actionBody}).
	 * @param body the body
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1e999", "-1e999", "1e9994", "NaN", "Infinity", "-Infinity", "5", "0.5" })
	@SpecItem("HPP-A6")
	void aNumberThatIsNotZeroIsRefusedAsANonObject(String body) {
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(() -> parse(body))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400))
			.withMessage("request body must be a JSON object");
	}

	/**
	 * Zero, however written, is falsy and counts as {@code {}}, as the reference's
	 * {@code body or {}} does.
	 * @param body the body
	 */
	@ParameterizedTest
	@ValueSource(strings = { "0", "-0", "0.0", "-0.0", "0e999", "1e-999", "0E+10", "false", "null", "\"\"", "[]" })
	void aFalsyBodyCountsAsAnEmptyObject(String body) {
		assertThat(parse(body).isEmpty()).isTrue();
	}

	/**
	 * An object holding a number too large for a double is refused as NaN and Infinity
	 * are.
	 * @param body the body
	 */
	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1e999}", "{\"a\":[-1e999]}", "{\"a\":{\"b\":NaN}}" })
	@SpecItem("HPP-A7")
	void anObjectHoldingAnInfinityIsRefused(String body) {
		assertThatExceptionOfType(HandshakeException.class).isThrownBy(() -> parse(body))
			.withMessage("NaN and Infinity are not valid JSON numbers");
	}

	private static ObjectNode parse(String body) {
		return RequestBodies.parse(body.getBytes(StandardCharsets.UTF_8));
	}

}
