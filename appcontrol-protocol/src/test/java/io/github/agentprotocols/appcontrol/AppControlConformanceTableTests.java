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

import java.nio.file.Path;
import java.util.stream.IntStream;

import io.github.agentprotocols.testsupport.SpecItemMarks;
import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance table of {@code contributing/conformance/appcontrol.md} and the
 * {@code @SpecItem} annotations of this module's tests agree: every checklist item of §10
 * of the specification has a test, every annotated test names an item of the table, and
 * the annotations generate the table's test cells. The user page
 * {@code docs/appcontrol.md} summarises the items per section. Run with
 * {@code -Dreference.write=true} to write them.
 */
class AppControlConformanceTableTests {

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl appcontrol-protocol -am -Dtest=AppControlConformanceTableTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private final SpecItemTable table = SpecItemTable.read(Path.of("../contributing/conformance/appcontrol.md"));

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(),
			"io.github.agentprotocols.appcontrol");

	@Test
	void tableListsEveryItemOfTheSpecsChecklist() {
		assertThat(this.table.ids())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 45).mapToObj((item) -> "AC-10." + item).toList());
	}

	@Test
	void tableAndSpecItemAnnotationsAgree() {
		assertThat(this.table.disagreementsWith(this.marks)).isEmpty();
	}

	@Test
	void tableTestCellsAreGeneratedFromTheAnnotations() {
		this.table.checkTestCells(this.marks, REGENERATE);
	}

	@Test
	void userSummaryCountsTheItemsOfEachSection() {
		this.table.checkSummary(Path.of("../docs/appcontrol.md"), REGENERATE);
	}

}
