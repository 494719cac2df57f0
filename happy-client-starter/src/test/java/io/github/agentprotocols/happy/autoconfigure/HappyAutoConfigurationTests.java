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

package io.github.agentprotocols.happy.autoconfigure;

import io.github.agentprotocols.commons.AgentProtocol;
import io.github.agentprotocols.testsupport.ProtocolStarterContractTests;
import io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration;

class HappyAutoConfigurationTests extends ProtocolStarterContractTests {

	/** A home directory without key files, so that the machine's ~/.happy is not read. */
	static final String NO_HOME = "target/no-happy-home";

	@Override
	protected Class<?> autoConfiguration() {
		return HappyAutoConfiguration.class;
	}

	@Override
	protected Class<?> healthContributorAutoConfiguration() {
		return HappyHealthContributorAutoConfiguration.class;
	}

	@Override
	protected Class<?> propertiesType() {
		return HappyProperties.class;
	}

	@Override
	protected String[] requiredProperties() {
		return new String[] { "happy.home-dir=" + NO_HOME };
	}

	@Override
	protected AgentProtocol expectedProtocol() {
		return new AgentProtocol("happy", "Happy agent sessions", "happy");
	}

}
