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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpecItemMarksTests {

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(),
			"io.github.agentprotocols.testsupport.specitems");

	@Test
	void idsAreThoseThatAClassOrAMethodCarries() {
		assertThat(this.marks.ids()).containsExactly("X-1.1", "X-1.2", "X-1.3");
	}

	@Test
	void testCellNamesClassesInOrderAndTheMethodsOfTheClassNamedBeforeThemBare() {
		assertThat(this.marks.testCell("X-1.1"))
			.isEqualTo("`SpecItemClassSample.earlier`, `SpecItemSample.first`, `second`");
		assertThat(this.marks.testCell("X-1.2")).isEqualTo("`SpecItemSample.second`");
	}

	@Test
	void markOfAClassComesBeforeItsMethodsWhichKeepTheirClassName() {
		assertThat(this.marks.testCell("X-1.3")).isEqualTo("`SpecItemClassSample`, `SpecItemClassSample.alsoThird`");
	}

	@Test
	void testCellOfAnIdNoTestCarriesIsEmpty() {
		assertThat(this.marks.testCell("X-1.4")).isEmpty();
	}

}
