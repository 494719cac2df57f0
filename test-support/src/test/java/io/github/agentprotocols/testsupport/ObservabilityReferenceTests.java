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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.ObservabilityReference.MeterRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the meters {@link ObservabilityReference} reads from the sources.
 */
class ObservabilityReferenceTests {

	@TempDir
	private Path directory;

	@Test
	void readsEveryMeterBuilderWithItsTagKeysAndDescription() throws IOException {
		Map<String, MeterRow> meters = meters(
				"""
						class DemoMetrics {
							static final String COMMANDS = "demo.commands";
							DemoMetrics(MeterRegistry registry) {
								Gauge.builder("demo.active", this, DemoMetrics::active).description("Active \\"things\\"").register(registry);
								Timer.builder(COMMANDS).tag("action", action).tag(KIND, kind).register(registry);
								Counter.builder("demo.runs")
									.tags(Tags.of("outcome", outcome(run), "code", (error != null) ? error.code() : "none"))
									.register(registry);
							}
							private static final String KIND = "kind";
						}
						""");
		assertThat(meters).containsOnlyKeys("demo.active", "demo.commands", "demo.runs");
		assertThat(meters.get("demo.active").type()).isEqualTo("Gauge");
		assertThat(meters.get("demo.active").description()).isEqualTo("Active \"things\"");
		assertThat(meters.get("demo.commands").tags()).containsExactly("action", "kind");
		assertThat(meters.get("demo.runs").tags()).containsExactly("code", "outcome");
	}

	@Test
	void refusesMetersItCannotRead() {
		assertThatIllegalStateException().isThrownBy(() -> meters("""
				class DemoMetrics {
					DemoMetrics(MeterRegistry registry) {
						registry.counter("demo.hidden");
					}
				}
				""")).withMessageContaining("MeterRegistry.counter(...)");
		assertThatIllegalStateException().isThrownBy(() -> meters("""
				class DemoMetrics {
					DemoMetrics(MeterRegistry registry, String name) {
						Counter.builder(name).register(registry);
					}
				}
				""")).withMessageContaining("name is neither a string literal nor a String constant");
	}

	private Map<String, MeterRow> meters(String source) throws IOException {
		Path file = this.directory.resolve("DemoMetrics.java");
		Files.writeString(file, source);
		return ObservabilityReference.meters(List.of(file));
	}

}
