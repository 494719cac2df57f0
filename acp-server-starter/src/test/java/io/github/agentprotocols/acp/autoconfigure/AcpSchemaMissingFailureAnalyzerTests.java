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

package io.github.agentprotocols.acp.autoconfigure;

import java.util.List;

import io.github.agentprotocols.acp.r2dbc.AcpSchemaMissingException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of a start-up that found no ACP tables names the ways to create them; the
 * real start-up is in {@code AcpSchemaPostgresTests}.
 */
class AcpSchemaMissingFailureAnalyzerTests {

	@Test
	void namesTheMissingTablesAndTheWaysToCreateThem() {
		FailureAnalysis analysis = new AcpSchemaMissingFailureAnalyzer()
			.analyze(new BeanCreationException("acpSchemaCheck", "check failed",
					new AcpSchemaMissingException("chat_", List.of("chat_threads", "chat_events"))));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("no ACP tables chat_threads, chat_events")
			.contains("acp.store.initialize-schema (embedded by default)");
		assertThat(analysis.getAction()).contains("acp.store.initialize-schema=always")
			.contains("add classpath:META-INF/acp/schema to spring.flyway.locations")
			.contains("spring.flyway.placeholders.prefix=chat_")
			.contains("${prefix} replaced by chat_");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(new AcpSchemaMissingFailureAnalyzer().analyze(new IllegalStateException("something else"))).isNull();
	}

}
