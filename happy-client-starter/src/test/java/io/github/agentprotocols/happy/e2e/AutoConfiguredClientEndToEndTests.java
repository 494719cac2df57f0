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

import java.time.Duration;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.autoconfigure.health.HappyHealthContributorAutoConfiguration;
import io.github.agentprotocols.happy.health.HappyHealthIndicator;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyEndpoint;
import io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client of a Spring application, pointed at the test kit's fake
 * server and daemon by {@link AutoConfigureFakeHappyServer}.
 */
@SpringJUnitConfig(AutoConfiguredClientEndToEndTests.Config.class)
@AutoConfigureFakeHappyServer
class AutoConfiguredClientEndToEndTests {

	@Autowired
	private HappyClient client;

	@Autowired
	private FakeHappyDaemon daemon;

	@Autowired
	private HappyHealthIndicator health;

	@Autowired
	private FakeHappyServer server;

	@SpecItem("HAPPY-8.11.1")
	@Test
	void autoConfiguredClientRunsATaskOnTheDaemon() {
		String id = this.client.runTask(this.daemon.machineId(), "/home/user/project", "Hello", Agent.CLAUDE,
				Duration.ofSeconds(20));
		assertThat(this.daemon.runningSessions()).doesNotContain(id);
		Health health = this.health.health(true).block(Duration.ofSeconds(20));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("socket", "connected");
	}

	@Test
	void healthIsDownWhenTheServerTakesLongerThanAProbeMayWait() {
		this.server.faults().delay(HappyEndpoint.HEALTH, Duration.ofSeconds(20));
		Health health = this.health.health(true).block(Duration.ofSeconds(15));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error",
				"The Happy server at " + this.server.url() + " did not answer within PT5S");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class,
			HappyHealthContributorAutoConfiguration.class })
	static class Config {

	}

}
