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

package io.github.agentprotocols.acp.autoconfigure;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.commons.diagnostics.RenamedProperty;
import io.github.agentprotocols.testsupport.RenamedProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every renamed ACP property: set under its old name, start-up fails naming the new one,
 * and the metadata deprecates it with its replacement.
 */
class AcpRenamedPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, AcpAutoConfiguration.class));

	@Test
	void websocketUpgradeFailsStartUpNamingApplicationPort() {
		RenamedProperties.assertStartUpFailsNamingTheNewName(this.contextRunner, "acp.socketio.websocket-upgrade",
				"bridge", "acp.socketio.application-port");
	}

	@Test
	void everyRenameIsTested() {
		assertThat(AcpRenamedProperties.RENAMES).extracting(RenamedProperty::oldName)
			.containsExactly("acp.socketio.websocket-upgrade");
	}

	@Test
	void theNewNamePassesTheCheck() {
		assertThatNoException().isThrownBy(() -> AcpRenamedProperties
			.check(new MockEnvironment().withProperty("acp.socketio.application-port", "bridge")));
	}

}
