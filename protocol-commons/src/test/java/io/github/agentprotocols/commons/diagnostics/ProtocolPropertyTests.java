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

package io.github.agentprotocols.commons.diagnostics;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProtocolProperty}.
 */
class ProtocolPropertyTests {

	private static final ProtocolProperty TOKEN = new ProtocolProperty("demo.token", "DEMO_TOKEN", "calling the API");

	@Test
	void aPlaceholderNothingResolvesIsBoundAsItIsAndFailsLikeAMissingValue() {
		MockEnvironment environment = new MockEnvironment().withProperty("demo.token", "${DEMO_TOKEN}");
		String bound = Binder.get(environment).bind("demo.token", String.class).get();
		assertThat(bound).isEqualTo("${DEMO_TOKEN}");
		assertThatExceptionOfType(UnresolvedProtocolPropertyException.class).isThrownBy(() -> TOKEN.require(bound))
			.isInstanceOf(MissingProtocolPropertyException.class)
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("demo.token");
				assertThat(ex.getEnvironmentVariable()).isEqualTo("DEMO_TOKEN");
				assertThat(ex.getValue()).isEqualTo("${DEMO_TOKEN}");
				assertThat(ex.getPlaceholder()).isEqualTo("DEMO_TOKEN");
			});
	}

	@Test
	void aResolvedPlaceholderPasses() {
		MockEnvironment environment = new MockEnvironment().withProperty("demo.token", "${MY_TOKEN}")
			.withProperty("MY_TOKEN", " t0k3n ");
		assertThat(TOKEN.require(Binder.get(environment).bind("demo.token", String.class).get())).isEqualTo("t0k3n");
	}

	@Test
	void aPlaceholderWithADefaultNothingResolvesNamesItsVariable() {
		assertThatExceptionOfType(UnresolvedProtocolPropertyException.class)
			.isThrownBy(() -> TOKEN.require("Bearer ${OTHER_TOKEN:${DEMO_TOKEN}}"))
			.satisfies((ex) -> assertThat(ex.getPlaceholder()).isEqualTo("OTHER_TOKEN"));
	}

	@Test
	void aBlankValueIsMissing() {
		assertThatExceptionOfType(MissingProtocolPropertyException.class).isThrownBy(() -> TOKEN.require(" "))
			.isNotInstanceOf(UnresolvedProtocolPropertyException.class);
		assertThatExceptionOfType(MissingProtocolPropertyException.class).isThrownBy(() -> TOKEN.require(null));
	}

	@Test
	void anOptionalValueMayBeUnsetButNotAPlaceholder() {
		assertThat(TOKEN.resolved(null)).isNull();
		assertThat(TOKEN.resolved("https://example.com/$1")).isEqualTo("https://example.com/$1");
		assertThatExceptionOfType(UnresolvedProtocolPropertyException.class)
			.isThrownBy(() -> TOKEN.resolved("https://${HOST}/api"))
			.satisfies((ex) -> assertThat(ex.getPlaceholder()).isEqualTo("HOST"));
	}

}
