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

package io.github.agentprotocols.hpp.autoconfigure;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.commons.diagnostics.RenamedProperty;
import io.github.agentprotocols.testsupport.RenamedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every renamed HPP property: set under its old name, start-up fails naming the new one,
 * and the metadata deprecates it with its replacement.
 */
class HppRenamedPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HppAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource({ "hpp.store, redis, hpp.store.type", "hpp.redis.key-prefix, orders-hpp:, hpp.store.key-prefix",
			"hpp.rate-limit-per-min, 120, hpp.rate-limit-per-minute",
			"hpp.extend-rate-limit-per-min, 5, hpp.extend-rate-limit-per-minute",
			"hpp.bind-user-edits-to-creator, false, hpp.bind-user-edits-to-owner",
			"hpp.require-principal, true, hpp.require-owner",
			"hpp.limits.max-sessions-per-principal, 5, hpp.limits.max-sessions-per-owner" })
	void oldNameFailsStartUpNamingTheNewOne(String oldName, String value, String newName) {
		RenamedProperties.assertStartUpFailsNamingTheNewName(this.contextRunner, oldName, value, newName);
	}

	@Test
	void everyRenameIsTested() {
		assertThat(HppRenamedProperties.RENAMES).extracting(RenamedProperty::oldName)
			.containsExactly("hpp.store", "hpp.redis.key-prefix", "hpp.rate-limit-per-min",
					"hpp.extend-rate-limit-per-min", "hpp.bind-user-edits-to-creator", "hpp.require-principal",
					"hpp.limits.max-sessions-per-principal");
	}

	@Test
	void newNamesPassTheCheck() {
		MockEnvironment environment = new MockEnvironment().withProperty("hpp.store.type", "redis")
			.withProperty("hpp.store.key-prefix", "orders-hpp:")
			.withProperty("hpp.rate-limit-per-minute", "120")
			.withProperty("hpp.extend-rate-limit-per-minute", "5")
			.withProperty("hpp.bind-user-edits-to-owner", "false")
			.withProperty("hpp.require-owner", "true")
			.withProperty("hpp.limits.max-sessions-per-owner", "5");
		assertThatNoException().isThrownBy(() -> HppRenamedProperties.check(environment));
	}

	@Test
	void disabledStarterDoesNotCheck() {
		this.contextRunner.withPropertyValues("hpp.enabled=false", "hpp.store=redis")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
