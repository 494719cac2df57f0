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

import java.nio.file.Path;

import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each rule of {@link ArchitectureCheckTests} fails on classes that break it, naming
 * them. The exposure of internal types is found within the imported classes and towards
 * classes only on the class path (another module's).
 */
class ArchitectureCheckTestsTests {

	private static final Path FIXTURES = Path.of("target", "test-classes", "io", "github", "agentprotocols",
			"testsupport", "architecturefixtures");

	private final ArchitectureCheckTests check = checkOf(FIXTURES);

	@Test
	void findsAPackageTangle() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.check::packagesAreFreeOfTangles)
			.withMessageContaining("architecturefixtures.tangled.left")
			.withMessageContaining("architecturefixtures.tangled.right");
	}

	@Test
	void findsAPackageThatIsNotNullMarked() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.check::everyPackageHasANullMarkedPackageInfo)
			.withMessageContaining("architecturefixtures.unmarked")
			.withMessageNotContaining("tangled");
	}

	@Test
	void findsCaseConversionWithoutALocale() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.check::caseConversionNamesItsLocale)
			.withMessageContaining("CaseConversion.lower(java.lang.String)")
			.withMessageContaining("String.toLowerCase()");
	}

	@Test
	void findsAPostProcessorBeanMethodThatIsNotStatic() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.check::postProcessorBeanMethodsAreStatic)
			.withMessageContaining("CaseConversion.instancePostProcessor()");
	}

	@Test
	void findsPublicApiThatExposesAnInternalType() {
		assertFindsExposures(this.check);
	}

	@Test
	void findsPublicApiThatExposesAnInternalTypeOfAnotherModule() {
		assertFindsExposures(checkOf(FIXTURES.resolve("exposing")));
	}

	private void assertFindsExposures(ArchitectureCheckTests check) {
		String hidden = "io.github.agentprotocols.testsupport.architecturefixtures.internal.Hidden";
		assertThatExceptionOfType(AssertionError.class).isThrownBy(check::publicApiExposesNoInternalType)
			.withMessageContaining("Exposing.field exposes " + hidden)
			.withMessageContaining("Exposing.hidden() exposes " + hidden)
			.withMessageContaining("Exposing.take(java.util.List) exposes " + hidden)
			.withMessageContaining("Exposing.marked() exposes io.github.agentprotocols.testsupport.architecturefixtures"
					+ ".exposing.MarkedInternal")
			.withMessageContaining("Exposing$Subclass extends " + hidden)
			.withMessageNotContaining("Exposing.hidden(java.util.List)")
			.withMessageNotContaining("MarkedInternal.hidden()")
			.withMessageNotContaining("HiddenConfiguration");
	}

	private static ArchitectureCheckTests checkOf(Path classes) {
		return new ArchitectureCheckTests() {

			@Override
			protected Location mainClasses() {
				return Location.of(classes);
			}

		};
	}

}
