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

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpecItemTableTests {

	private static final String GENERATED = """
			# Checklist

			<!-- spec-items X-1. -->
			| # | Item | Test |
			|---|---|---|
			| 1 | one, or `1 \\| 2` | `SpecItemClassSample.earlier`, `SpecItemSample.first`, `second` |
			| 2 | two | `SpecItemSample.second` |
			| 3 | whole class | `SpecItemClassSample`, `SpecItemClassSample.alsoThird` |
			| 4 | elsewhere | **not run**: needs a network |

			| 5 | outside the marked table | `Anything` |
			""";

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(),
			"io.github.agentprotocols.testsupport.specitems");

	@TempDir
	Path directory;

	@Test
	void rowsOfTheMarkedTablesAreItems() throws Exception {
		assertThat(read(GENERATED).ids()).containsExactly("X-1.1", "X-1.2", "X-1.3", "X-1.4");
	}

	@Test
	void tableAndMarksThatAgreeHaveNoDisagreement() throws Exception {
		assertThat(read(GENERATED).disagreementsWith(this.marks)).isEmpty();
	}

	@Test
	void itemWithoutTestMarkWithoutItemAndTestOfAnItemNotRunAreReported() throws Exception {
		SpecItemTable table = read("""
				<!-- spec-items X-1. -->
				| 1 | one | `SpecItemSample.first` |
				| 2 | two | **not run**: elsewhere |
				| 5 | missing | `SpecItemSample.nothing` |
				| 6 | later | **not run** |
				""");
		assertThat(table.disagreementsWith(this.marks)).containsExactly(
				"@SpecItem(\"X-1.3\") names an item the docs table lacks",
				"X-1.2 is marked not run but a test carries it", "X-1.5 has no test annotated @SpecItem(\"X-1.5\")");
	}

	@Test
	void renderingReplacesTheTestCellsOfItemsAndNothingElse() throws Exception {
		SpecItemTable table = read("""
				# Checklist

				<!-- spec-items X-1. -->
				| # | Item | Test |
				|---|---|---|
				| 1 | one, or `1 \\| 2` | `SpecItemSample.first` |
				| 2 | two |   |
				| 3 | whole class | `SpecItemClassSample`, `Gone.test` (a note) |
				| 4 | elsewhere | **not run**: needs a network |

				| 5 | outside the marked table | `Anything` |
				""");
		assertThat(table.render(this.marks)).isEqualTo(GENERATED);
	}

	@Test
	void pageWhoseTestCellsAreGeneratedPassesTheCheck() throws Exception {
		read(GENERATED).checkTestCells(this.marks, "regenerate");
	}

	@Test
	void checkNamesEachRowWhoseTestCellDiffersAndHowToRegenerate() throws Exception {
		SpecItemTable table = read(GENERATED.replace("`SpecItemSample.second` |", "`SpecItemSample.first` |")
			.replace(", `SpecItemClassSample.alsoThird`", ""));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> table.checkTestCells(this.marks, "./mvnw regenerate"))
			.withMessageContaining(
					"2 test cells differ from the @SpecItem marks. Regenerate the page with: " + "./mvnw regenerate")
			.withMessageContaining("X-1.2\n  page:  `SpecItemSample.first`\n  marks: `SpecItemSample.second`")
			.withMessageContaining("X-1.3\n  page:  `SpecItemClassSample`\n  marks: "
					+ "`SpecItemClassSample`, `SpecItemClassSample.alsoThird`");
	}

	@Test
	void checkWritesThePageWhenAskedTo() throws Exception {
		SpecItemTable table = read(GENERATED.replace("`SpecItemSample.second` |", "`SpecItemSample.first` |"));
		System.setProperty(GeneratedPage.WRITE_PROPERTY, "true");
		try {
			table.checkTestCells(this.marks, "regenerate");
		}
		finally {
			System.clearProperty(GeneratedPage.WRITE_PROPERTY);
		}
		assertThat(this.directory.resolve("page.md")).hasContent(GENERATED);
	}

	@Test
	void summaryCountsTheItemsOfEachSectionAndThoseNotRun() throws Exception {
		SpecItemTable table = read("""
				## Checklist (spec §1) → tests

				<!-- spec-items X-1. -->
				| # | Item | Test |
				|---|---|---|
				| 1 | one | `SpecItemSample.first` |
				| 2 | two | **not run**: elsewhere |

				<!-- spec-items X-1. -->
				| # | Item | Test |
				|---|---|---|
				| 3 | three | `SpecItemSample.second` |

				## Deviations

				<!-- spec-items X-A -->
				| # | Deviation | Test |
				|---|---|---|
				| 1 | one | `SpecItemSample.first` |
				""");
		assertThat(table.summaryRows()).containsExactly("| Checklist (spec §1) | 3 | 1 not run |",
				"| Deviations | 1 | all tested |");
	}

	@Test
	void summaryCheckNamesHowToRegenerateAndWritesTheRowsWhenAskedTo() throws Exception {
		SpecItemTable table = read(GENERATED.replace("# Checklist", "## Checklist → tests"));
		Path summary = this.directory.resolve("summary.md");
		String page = "# Summary\n\n<!-- spec-summary -->\n| Section | Items | Status |\n|---|---|---|\n%s\n\nMore.\n";
		Files.writeString(summary, page.formatted("| Checklist | 3 | all tested |"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> table.checkSummary(summary, "./mvnw regenerate"))
			.withMessageContaining("Regenerate it with: ./mvnw regenerate");
		System.setProperty(GeneratedPage.WRITE_PROPERTY, "true");
		try {
			table.checkSummary(summary, "regenerate");
		}
		finally {
			System.clearProperty(GeneratedPage.WRITE_PROPERTY);
		}
		assertThat(summary).hasContent(page.formatted("| Checklist | 4 | 1 not run |"));
		table.checkSummary(summary, "regenerate");
	}

	private SpecItemTable read(String markdown) throws Exception {
		Path page = this.directory.resolve("page.md");
		Files.writeString(page, markdown);
		return SpecItemTable.read(page);
	}

}
