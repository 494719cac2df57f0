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

class SpecItemTableTests {

	private static final String PACKAGE = "io.github.agentprotocols.testsupport.specitems";

	@TempDir
	Path directory;

	@Test
	void tableAndAnnotationsThatAgreeHaveNoDisagreement() throws Exception {
		SpecItemTable table = read("""
				<!-- spec-items X-1. -->
				| # | Item | Test |
				|---|---|---|
				| 1 | one | `SpecItemSample.first`, `second` |
				| 2 | two | `SpecItemSample.second` |
				| 3 | whole class | `SpecItemClassSample` |
				| 4 | elsewhere | **not run**: needs a network |
				""");
		assertThat(table.ids()).containsExactly("X-1.1", "X-1.2", "X-1.3", "X-1.4");
		assertThat(table.disagreementsWith(getClass().getClassLoader(), PACKAGE)).isEmpty();
	}

	@Test
	void itemWithoutTestAndTestWithoutItemAreBothReported() throws Exception {
		SpecItemTable table = read("""
				<!-- spec-items X-1. -->
				| 1 | one | `SpecItemSample.first` |
				| 5 | missing | `SpecItemSample.nothing` |

				| 2 | outside the marked table | `SpecItemSample.second` |
				""");
		assertThat(table.ids()).containsExactly("X-1.1", "X-1.5");
		assertThat(table.disagreementsWith(getClass().getClassLoader(), PACKAGE)).contains(
				"X-1.5 has no test annotated @SpecItem(\"X-1.5\")",
				"X-1.5 names SpecItemSample.nothing, which is not an annotated test",
				"@SpecItem(\"X-1.2\") names an item the docs table lacks",
				"@SpecItem(\"X-1.3\") names an item the docs table lacks");
	}

	@Test
	void referenceToATestCarryingAnotherIdIsReported() throws Exception {
		SpecItemTable table = read("""
				<!-- spec-items X-1. -->
				| 1 | one | `SpecItemSample.first` |
				| 2 | two | `SpecItemSample.first` |
				| 3 | three | `SpecItemClassSample` |
				""");
		assertThat(table.disagreementsWith(getClass().getClassLoader(), PACKAGE))
			.contains("X-1.2 names SpecItemSample.first, which is annotated [X-1.1] instead");
	}

	private SpecItemTable read(String markdown) throws Exception {
		Path page = this.directory.resolve("page.md");
		Files.writeString(page, markdown);
		return SpecItemTable.read(page);
	}

}
