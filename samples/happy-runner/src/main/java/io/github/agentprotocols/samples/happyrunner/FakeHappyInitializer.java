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

package io.github.agentprotocols.samples.happyrunner;

import java.util.Map;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the sample with no setup under the {@code fake} profile: starts the test kit's
 * fake Happy server, an account and a machine daemon in this process
 * ({@link FakeHappyServerInitializer}, which points {@code happy.*} at them) and makes
 * the daemon's machine the default {@code happy-runner.machine-id}.
 */
class FakeHappyInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PROFILE = "fake";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!context.getEnvironment().matchesProfiles(PROFILE)) {
			return;
		}
		new FakeHappyServerInitializer().initialize(context);
		FakeHappyDaemon daemon = context.getBeanFactory()
			.getBean(FakeHappyServerInitializer.DAEMON_BEAN_NAME, FakeHappyDaemon.class);
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("fakeHappyMachine", Map.of("happy-runner.machine-id", daemon.machineId())));
	}

}
