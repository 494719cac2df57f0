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

package io.github.agentprotocols.samples.limelogin;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.context.FakeLimeApiInitializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the sample offline with the {@code offline} profile: starts the test kit's fake
 * LIME API in this process and points the LIME site properties at it
 * ({@link FakeLimeApiInitializer}), which also makes the page's demo agent available.
 */
class OfflineLimeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PROFILE = "offline";

	private static final Log logger = LogFactory.getLog(OfflineLimeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!context.getEnvironment().matchesProfiles(PROFILE)) {
			return;
		}
		new FakeLimeApiInitializer().initialize(context);
		FakeLimeApi lime = context.getBeanFactory().getBean(FakeLimeApiInitializer.FAKE_BEAN_NAME, FakeLimeApi.class);
		logger.info("Offline: the fake LIME API runs at " + lime.baseUrl() + "; an agent of your own logs in with "
				+ "LIME_API_BASE=" + lime.baseUrl() + " LIME_AGENT_TOKEN=" + lime.agentToken());
	}

}
