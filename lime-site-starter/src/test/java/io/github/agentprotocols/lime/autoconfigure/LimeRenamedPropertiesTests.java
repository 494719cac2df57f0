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

package io.github.agentprotocols.lime.autoconfigure;

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
 * Every renamed LIME property: set under its old name, start-up fails naming the new one,
 * and the metadata deprecates it with its replacement.
 */
class LimeRenamedPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
		.withPropertyValues("lime.site.token=token");

	@ParameterizedTest
	@CsvSource({ "lime.cluster.mode, redis, lime.store.type", "lime.cluster.key-prefix, orders:, lime.store.key-prefix",
			"lime.cluster.event-retention, 2h, lime.store.event-retention" })
	void oldNameFailsStartUpNamingTheNewOne(String oldName, String value, String newName) {
		RenamedProperties.assertStartUpFailsNamingTheNewName(this.contextRunner, oldName, value, newName);
	}

	@Test
	void clusterModeAnalysisTellsTheNewValue() {
		this.contextRunner.withPropertyValues("lime.cluster.mode=redis")
			.run((context) -> assertThat(RenamedProperties
				.analyze(context.getStartupFailure(), new MockEnvironment().withProperty("lime.cluster.mode", "redis"))
				.getDescription()).contains("lime.store.type=redis"));
	}

	@Test
	void everyRenameIsTested() {
		assertThat(LimeRenamedProperties.RENAMES).extracting(RenamedProperty::oldName)
			.containsExactly("lime.cluster.mode", "lime.cluster.key-prefix", "lime.cluster.event-retention");
	}

	@Test
	void newNamesAndTheLeaseTtlPassTheCheck() {
		MockEnvironment environment = new MockEnvironment().withProperty("lime.store.type", "memory")
			.withProperty("lime.store.key-prefix", "orders:")
			.withProperty("lime.store.event-retention", "2h")
			.withProperty("lime.cluster.lease-ttl", "20s");
		assertThatNoException().isThrownBy(() -> LimeRenamedProperties.check(environment));
	}

}
