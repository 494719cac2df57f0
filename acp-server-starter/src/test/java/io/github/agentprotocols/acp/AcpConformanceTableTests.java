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

package io.github.agentprotocols.acp;

import java.nio.file.Path;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItemMarks;
import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance table of {@code contributing/conformance/acp.md} (the checklist of spec
 * §10) against the {@code @SpecItem} annotations of this module's tests, which generate
 * its test cells. The user page {@code docs/acp.md} summarises its items per section. Run
 * with {@code -Dreference.write=true} to write them.
 */
class AcpConformanceTableTests {

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl acp-server-starter -am -Dtest=AcpConformanceTableTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private final SpecItemTable table = SpecItemTable.read(Path.of("../contributing/conformance/acp.md"));

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(), "io.github.agentprotocols.acp");

	@Test
	void docsTableAndAnnotatedTestsAgree() {
		assertThat(this.table.disagreementsWith(this.marks)).isEmpty();
	}

	@Test
	void docsTestCellsAreGeneratedFromTheAnnotations() {
		this.table.checkTestCells(this.marks, REGENERATE);
	}

	@Test
	void userSummaryCountsTheItemsOfEachSection() {
		this.table.checkSummary(Path.of("../docs/acp.md"), REGENERATE);
	}

	@Test
	void docsTableListsEveryChecklistItem() {
		assertThat(this.table.ids())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 53).mapToObj((item) -> "ACP-10." + item).toList());
	}

}
