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
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.autoconfigure.metrics.HappyMetricsAutoConfiguration;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client records into the meters of
 * {@link HappyMetricsAutoConfiguration}, which runs after the client's own
 * auto-configuration.
 */
class AutoConfiguredMetricsEndToEndTests {

	@Test
	void autoConfiguredClientRecordsItsRpcsInTheMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HappyMetricsAutoConfiguration.class, HappyAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withInitializer(new FakeHappyServerInitializer())
			.run((context) -> {
				FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
				context.getBean(HappyClient.class).spawnSession(daemon.machineId(), "/home/user/project");
				Timer spawns = context.getBean(MeterRegistry.class)
					.find("happy.rpc")
					.tags("method", "spawn-happy-session", "outcome", "ok")
					.timer();
				assertThat(spawns).isNotNull();
				assertThat(spawns.count()).isOne();
			});
	}

}
