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

package io.github.agentprotocols.appcontrol.schema;

import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ProtocolValidationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FreeFormValuesTests {

	private final ProtocolSchemas schemas = ProtocolSchemas.shared();

	@Test
	void compiledDefinitionsAreFlatWhileTheShippedDocumentKeepsTheSpecsOneOf() {
		JsonNode document = AppControlJson.mapper().valueToTree(this.schemas.loadProtocolSchema("command"));
		assertThat(document.at("/$defs/jsonValue/oneOf").size()).isEqualTo(6);
		JsonNode flat = FreeFormValues.flatten(document);
		assertThat(flat.at("/$defs/jsonValue/type").size()).isEqualTo(6);
		assertThat(flat.at("/$defs/jsonObject")).isEqualTo(AppControlJson.mapper().readTree("{\"type\":\"object\"}"));
		assertThat(document.at("/$defs/jsonValue/oneOf").size()).as("original untouched").isEqualTo(6);
	}

	@Test
	void deeplyNestedFreeFormValuesOfEveryTypeStillValidate() {
		String json = "{\"schema\":\"app_control.command.v1\",\"commandId\":\"c\",\"tool\":\"t\",\"operation\":\"o\","
				+ "\"input\":{\"a\":[null,true,1,2.5,\"s\",[[{\"b\":{\"c\":[{}]}}]]],\"d\":{}},\"metadata\":{\"e\":null}}";
		assertThat(this.schemas.validateProtocolJson("command", json)).containsKey("input");
	}

	@Test
	void freeFormFieldsMustStillBeObjects() {
		Map<String, Object> payload = Map.of("schema", "app_control.command.v1", "commandId", "c", "tool", "t",
				"operation", "o", "input", java.util.List.of(1));
		assertThatExceptionOfType(ProtocolValidationException.class)
			.isThrownBy(() -> this.schemas.validateProtocolPayload("command", payload))
			.satisfies((ex) -> {
				assertThat(ex.getPointer()).isEqualTo("/input");
				assertThat(ex.getKeyword()).isEqualTo("type");
			});
	}

}
