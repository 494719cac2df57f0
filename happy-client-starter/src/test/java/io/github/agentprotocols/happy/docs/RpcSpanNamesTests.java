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

package io.github.agentprotocols.happy.docs;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/**
 * The auto-configured client is observed in the application's registry, with the page's
 * convention bean in place of the default one.
 */
class RpcSpanNamesTests {

	@Test
	void conventionBeanNamesTheRpcSpans() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
			.withUserConfiguration(RpcSpanNames.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.withInitializer(new FakeHappyServerInitializer())
			.run((context) -> {
				FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
				context.getBean(HappyClient.class).spawnSession(daemon.machineId(), "/home/user/project");
				assertThat(registry).hasObservationWithNameEqualTo("happy.rpc.call")
					.that()
					.hasContextualNameEqualTo("happy rpc spawn-happy-session")
					.hasLowCardinalityKeyValue("method", "spawn-happy-session")
					.hasBeenStopped();
				assertThat(registry).hasObservationWithNameEqualTo("happy.spawn").that().hasBeenStopped();
			});
	}

}
