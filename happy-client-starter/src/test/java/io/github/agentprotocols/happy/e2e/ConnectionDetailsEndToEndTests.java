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

package io.github.agentprotocols.happy.e2e;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application wired to the test kit's fake server by its
 * {@link HappyConnectionDetails} bean alone, without any {@code happy.*} property.
 */
class ConnectionDetailsEndToEndTests {

	@Test
	void applicationWiredOnlyByTheConnectionDetailsBeanTalksToTheFake() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
			.withPropertyValues("happy.home-dir=target/no-happy-home")
			.withInitializer(new FakeHappyServerInitializer())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(FakeHappyServerInitializer.PROPERTY_SOURCE))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getEnvironment().containsProperty("happy.server-url")).isFalse();
				assertThat(context.getEnvironment().containsProperty("happy.token")).isFalse();
				FakeHappyServer server = context.getBean(FakeHappyServer.class);
				FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
				HappyClient client = context.getBean(HappyClient.class);
				assertThat(client.reactive().serverUrl()).isEqualTo(server.url());
				assertThat(client.listMachines()).extracting(Machine::id).contains(daemon.machineId());
			});
	}

}
