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

package io.github.agentprotocols.samples.showcase;

import java.util.stream.Stream;

import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets the showcase start with no external service: when no Happy credentials are
 * configured ({@code happy.token}, {@code happy.secret} or
 * {@code happy.credentials-path}, or their environment variables such as
 * {@code HAPPY_TOKEN}), it runs the fake Happy server of the {@code happy-client-test}
 * kit with an account in this process ({@link FakeHappyServerInitializer}: beans,
 * {@code happy.*} pointed at them, started beside the context, closed with it), and a
 * fake machine of that account: its daemon, a lazy bean, connects when the Happy page
 * first lists machines ({@link HappyPageController}), so that the start-up does not pay
 * for it, and keeps the {@value #MAX_RUNNING_SESSIONS} newest sessions running.
 * Ahead-of-time processing leaves these beans to this initializer, which runs again in
 * AOT mode.
 */
class OfflineHappyInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

	/**
	 * How many sessions the fake machine keeps running; a spawn beyond stops the oldest,
	 * so that a long-running showcase does not keep a socket and its threads for every
	 * session it was ever asked to spawn.
	 */
	static final int MAX_RUNNING_SESSIONS = 16;

	private static final Log logger = LogFactory.getLog(OfflineHappyInitializer.class);

	@Override
	public void initialize(GenericApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("happy.enabled", Boolean.class, true)
				|| Stream.of("happy.token", "happy.secret", "happy.credentials-path")
					.anyMatch((name) -> StringUtils.hasText(environment.getProperty(name)))) {
			return;
		}
		new FakeHappyServerInitializer((server) -> {
		}, null).initialize(context);
		context.registerBean(FakeHappyServerInitializer.DAEMON_BEAN_NAME, FakeHappyDaemon.class,
				() -> FakeHappyDaemon
					.builder(context.getBean(FakeHappyServerInitializer.ACCOUNT_BEAN_NAME, HappyTestAccount.class))
					.behaviour(AgentBehaviour.TURNS)
					.maxRunningSessions(MAX_RUNNING_SESSIONS)
					.start(),
				(definition) -> {
					definition.setLazyInit(true);
					definition.setDestroyMethodName("close");
					definition.setAttribute(BeanRegistrationAotProcessor.IGNORE_REGISTRATION_ATTRIBUTE, true);
				});
		logger.info("No Happy credentials configured: using a fake Happy server in this process, and a fake "
				+ "machine once the Happy page lists machines (set HAPPY_TOKEN and HAPPY_SECRET to use Happy)");
	}

}
