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

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.SpecItemMarks;
import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance tables of {@code contributing/conformance/hpp.md} (spec §12, Appendix A
 * and §11.2) against the {@code @SpecItem} annotations of this module's tests, which
 * generate their test cells. The user page {@code docs/hpp.md} summarises their items per
 * section. Run with {@code -Dreference.write=true} to write them.
 */
class HppConformanceTableTests {

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl hpp-spring-boot-starter -am -Dtest=HppConformanceTableTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private final SpecItemTable table = SpecItemTable.read(Path.of("../contributing/conformance/hpp.md"));

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(), "io.github.agentprotocols.hpp");

	@Test
	void docsTablesAndAnnotatedTestsAgree() {
		assertThat(this.table.disagreementsWith(this.marks)).isEmpty();
	}

	@Test
	void docsTestCellsAreGeneratedFromTheAnnotations() {
		this.table.checkTestCells(this.marks, REGENERATE);
	}

	@Test
	void userSummaryCountsTheItemsOfEachSection() {
		this.table.checkSummary(Path.of("../docs/hpp.md"), REGENERATE);
	}

	@Test
	void docsTablesListEveryChecklistItemAndEveryDeviation() {
		Stream<String> checklist = IntStream.rangeClosed(1, 34).mapToObj((item) -> "HPP-12." + item);
		Stream<String> deviations = IntStream.rangeClosed(1, 14).mapToObj((item) -> "HPP-A" + item);
		assertThat(this.table.ids()).containsAll(Stream.concat(checklist, deviations).toList());
	}

}
