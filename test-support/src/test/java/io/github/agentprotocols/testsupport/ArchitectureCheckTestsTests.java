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
 * them.
 */
class ArchitectureCheckTestsTests {

	private final ArchitectureCheckTests check = new ArchitectureCheckTests() {

		@Override
		protected Location mainClasses() {
			return Location.of(Path.of("target", "test-classes", "io", "github", "agentprotocols", "testsupport",
					"architecturefixtures"));
		}

	};

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

}
