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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RenamedPropertiesCheck}.
 */
class RenamedPropertiesCheckTests {

	private static final List<RenamedProperty> RENAMES = List.of(new RenamedProperty("demo.old", "demo.new", null),
			new RenamedProperty("demo.mode", "demo.store.type", "its values are now memory and redis"));

	@Test
	void anOldNameSetFailsNamingTheNewOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("demo.mode", "redis");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> RenamedPropertiesCheck.check(environment, RENAMES))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("demo.mode");
				assertThat(ex.getValue()).isEqualTo("redis");
				assertThat(ex.getReason())
					.isEqualTo("The property was renamed to 'demo.store.type' and no longer has any effect; use "
							+ "'demo.store.type' instead (its values are now memory and redis).");
			});
	}

	@Test
	void newNamesPass() {
		MockEnvironment environment = new MockEnvironment().withProperty("demo.new", "x")
			.withProperty("demo.store.type", "redis");
		assertThatNoException().isThrownBy(() -> RenamedPropertiesCheck.check(environment, RENAMES));
	}

}
