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

package io.github.agentprotocols.benchmarks.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.benchmarks.startup.StartupFootprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI-sized wire fuzzing run: the showcase's jar (built before this module, see the
 * POM) as a JVM of its own, 1,000 mutated requests per protocol, and the goals asserted:
 * no 5xx, no request left hanging, no ERROR line in the server's log, every object made
 * before the run intact. The heap after the run is a measurement; only a generous bound
 * is asserted.
 * <p>
 * No finding is let through: each request answered 5xx or left hanging and each ERROR
 * entry fails the test (see {@code contributing/fuzzing.md}).
 */
class WireFuzzTests {

	private static final List<String> PROTOCOLS = List.of("hpp", "acp", "acp-socketio", "lime", "app-control", "happy");

	@Test
	void showcaseMeetsTheGoalsUnderAThousandMutatedRequestsPerProtocol(@TempDir Path folder) throws Exception {
		Path jar = StartupFootprint.showcaseJar();
		assertThat(jar).as("the showcase's jar (./mvnw -pl samples/showcase -am package)").isRegularFile();
		Path findings = folder.resolve("findings.txt");
		WireFuzz.Settings settings = new WireFuzz.Settings(1_000, 0, 1, 16, Duration.ofSeconds(10), Duration.ZERO, null,
				PROTOCOLS);
		List<FuzzReport> reports = new WireFuzz(settings).run(jar, findings, folder.resolve("server.log"));
		assertThat(reports).hasSize(PROTOCOLS.size() + 1);
		assertThat(findings(Files.readString(findings))).as("findings").isEmpty();
		for (FuzzReport report : reports) {
			assertThat(report.intact()).as("%s: the object made before the run", report.protocol()).isNull();
		}
		FuzzReport whole = reports.get(reports.size() - 1);
		assertThat(whole.requests()).isEqualTo(PROTOCOLS.size() * 1_000L);
		assertThat(whole.heapAfterBytes()).as("heap after the run, against %d bytes before", whole.heapBeforeBytes())
			.isLessThan(whole.heapBeforeBytes() + 128L * 1024 * 1024);
	}

	/**
	 * The findings file's entries (a request answered 5xx or left hanging, or one ERROR
	 * log entry with its stack trace); the heap's growth is a measurement, not an entry.
	 */
	static List<String> findings(String text) {
		List<String> findings = new ArrayList<>();
		for (String block : text.split("(?m)^### ")) {
			if (block.isBlank() || block.startsWith(Findings.HEAP_GROWTH)) {
				continue;
			}
			findings.addAll(block.contains("server log lines at ERROR") ? errorEntries(block) : List.of(block));
		}
		return findings;
	}

	private static List<String> errorEntries(String block) {
		List<String> entries = new ArrayList<>();
		StringBuilder entry = null;
		for (String line : block.split("\n")) {
			if ("ERROR".equals(ShowcaseProcess.level(line))) {
				if (entry != null) {
					entries.add(entry.toString());
				}
				entry = new StringBuilder();
			}
			if (entry != null) {
				entry.append(line).append('\n');
			}
		}
		if (entry != null) {
			entries.add(entry.toString());
		}
		return entries;
	}

}
