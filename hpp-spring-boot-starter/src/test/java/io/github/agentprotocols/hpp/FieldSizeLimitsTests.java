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

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value is too large exactly when its JSON text is longer than the limit, whether or
 * not the check had to write it out to know.
 */
class FieldSizeLimitsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int MAX_VALUE_BYTES = 60;

	private final FieldSizeLimits limits = new FieldSizeLimits(
			new HandshakeSettings.Limits(500, 8, MAX_VALUE_BYTES, 200));

	@Test
	void stringsAreMeasuredAsTheirJsonTextAroundTheLimit() {
		for (String unit : List.of("a", "\u00e9", "\u20ac", "\ud83d\ude00", "\"", "\\", "\n", "\u0001")) {
			for (int count = 0; count <= MAX_VALUE_BYTES; count++) {
				JsonNode value = JsonNodeFactory.instance.stringNode(unit.repeat(count));
				assertThat(this.limits.check("key", value)).as("%d x %s", count, unit).isEqualTo(expected(value));
			}
		}
	}

	@Test
	void otherValuesAreMeasuredAsTheirJsonText() {
		for (String text : List.of("12345", "true", "null", "[\"" + "a".repeat(50) + "\"]",
				"{\"k\":\"" + "b".repeat(40) + "\"}", "{\"k\":\"" + "b".repeat(60) + "\"}", "[1,2,3]")) {
			JsonNode value = json.readTree(text);
			assertThat(this.limits.check("key", value)).as(text).isEqualTo(expected(value));
		}
	}

	@Test
	void keysLongerThanTheLimitAreRefusedFirst() {
		assertThat(this.limits.check("123456789", JsonNodeFactory.instance.stringNode("x".repeat(100))))
			.isEqualTo("key too long");
		assertThat(this.limits.check("12345678", JsonNodeFactory.instance.stringNode("x"))).isNull();
	}

	private static String expected(JsonNode value) {
		return (json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES)
				? "value too large" : null;
	}

}
