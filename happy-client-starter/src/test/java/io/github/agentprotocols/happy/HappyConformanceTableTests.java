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

package io.github.agentprotocols.happy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.SpecItemMarks;
import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist of {@code contributing/conformance/happy.md} (spec §1, §3.7, §8–§12)
 * against the {@code @SpecItem} annotations of the tests that prove it. Those tests live
 * in three modules: the crypto, wire and credentials tests of {@code happy-protocol}, the
 * fake server's own tests of {@code happy-client-test}, and the unit and end-to-end tests
 * of this one. The other two modules' compiled tests (built before this module in the
 * reactor) join this module's test class path here, so that one check reads all three.
 * The annotations generate the checklist's test cells. The user page
 * {@code docs/happy.md} summarises the items per section. Run with
 * {@code -Dreference.write=true} to write them.
 */
class HappyConformanceTableTests {

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl happy-client-starter -am "
			+ "-Dtest=HappyConformanceTableTests -Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private static final Path PROTOCOL_TEST_CLASSES = Path.of("../happy-protocol/target/test-classes");

	private static final Path KIT_TEST_CLASSES = Path.of("../happy-client-test/target/test-classes");

	private final SpecItemTable table = SpecItemTable.read(Path.of("../contributing/conformance/happy.md"));

	@Test
	void docsChecklistAndAnnotatedTestsOfTheThreeModulesAgree() throws IOException {
		assertThat(this.table.disagreementsWith(marksOfTheThreeModules())).isEmpty();
	}

	@Test
	void docsTestCellsAreGeneratedFromTheAnnotationsOfTheThreeModules() throws IOException {
		this.table.checkTestCells(marksOfTheThreeModules(), REGENERATE);
	}

	@Test
	void userSummaryCountsTheItemsOfEachSection() {
		this.table.checkSummary(Path.of("../docs/happy.md"), REGENERATE);
	}

	@Test
	void docsChecklistCoversTheCredentialsTheVectorsAndEverySectionFromEightToEleven() {
		assertThat(this.table.ids()).contains("HAPPY-1.4.1", "HAPPY-1.5.1", "HAPPY-3.7.V1", "HAPPY-3.7.V8",
				"HAPPY-8.5.3", "HAPPY-8.11.1", "HAPPY-9.2.1", "HAPPY-9.3.1", "HAPPY-10.1", "HAPPY-10.13", "HAPPY-11.1");
	}

	private SpecItemMarks marksOfTheThreeModules() throws IOException {
		assertThat(PROTOCOL_TEST_CLASSES).as("compiled tests of happy-protocol").isDirectory();
		assertThat(KIT_TEST_CLASSES).as("compiled tests of happy-client-test").isDirectory();
		URL[] testClasses = { PROTOCOL_TEST_CLASSES.toUri().toURL(), KIT_TEST_CLASSES.toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(testClasses, getClass().getClassLoader())) {
			return SpecItemMarks.scan(classLoader, "io.github.agentprotocols.happy");
		}
	}

}
