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

package io.github.agentprotocols.commons.ai.mcp;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link McpServerKind}.
 */
class McpServerKindTests {

	private static final List<String> TWO = List.of("app-control", "happy");

	@Test
	void severalModulesRunOnTheSynchronousServerWithSessions() {
		assertThatCode(() -> McpServerKind.requireModuleChecks(TWO, new MockEnvironment())).doesNotThrowAnyException();
		assertThatCode(() -> McpServerKind.requireModuleChecks(TWO,
				new MockEnvironment().withProperty(McpServerKind.TYPE, "sync")
					.withProperty(McpServerKind.PROTOCOL, "SSE")))
			.doesNotThrowAnyException();
	}

	@Test
	void severalModulesOnTheAsynchronousServerFailNamingItsProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> McpServerKind.requireModuleChecks(TWO,
					new MockEnvironment().withProperty(McpServerKind.TYPE, "ASYNC")))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("spring.ai.mcp.server.type");
				assertThat(ex.getValue()).isEqualTo("ASYNC");
				assertThat(ex.getReason()).contains("app-control and happy");
			});
	}

	@Test
	void severalModulesOnTheStatelessServerFailNamingItsProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> McpServerKind.requireModuleChecks(TWO,
					new MockEnvironment().withProperty(McpServerKind.PROTOCOL, "STATELESS")))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("spring.ai.mcp.server.protocol"));
	}

	@Test
	void oneModuleRunsOnAnyServer() {
		assertThatCode(() -> McpServerKind.requireModuleChecks(List.of("happy"),
				new MockEnvironment().withProperty(McpServerKind.TYPE, "ASYNC")
					.withProperty(McpServerKind.PROTOCOL, "STATELESS")))
			.doesNotThrowAnyException();
	}

}
