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

package io.github.agentprotocols.happy.test.context;

import java.util.function.Consumer;

import io.github.agentprotocols.testsupport.BackgroundStart;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An {@link ApplicationContextInitializer} that runs a {@link FakeHappyServer} for an
 * application context: it starts the server, creates a {@link HappyTestAccount} on it
 * and, unless told otherwise, a {@link FakeHappyDaemon} of that account; it points
 * {@code happy.server-url}, {@code happy.token} and {@code happy.secret} at them
 * (property source {@value #PROPERTY_SOURCE}, ahead of every other) and registers a
 * {@link HappyConnectionDetails} bean, {@value #CONNECTION_DETAILS_BEAN_NAME}, pointing
 * at them too (it gives what those properties say, so that a test's own overrides still
 * apply, else the fake's values); it registers them as the beans
 * {@value #SERVER_BEAN_NAME}, {@value #ACCOUNT_BEAN_NAME} and {@value #DAEMON_BEAN_NAME}.
 * They close with the context. A context that already has the server is left as it is.
 * <p>
 * They start on threads of their own while the context goes on starting: reading one of
 * the three properties, or getting the server or account bean, waits until the server
 * runs with the account (issued without a login request:
 * {@link HappyTestAccount#issuedBy(FakeHappyServer)}); getting the daemon bean waits
 * until the daemon is connected too. Either fails if what it waits for could not start.
 * <p>
 * Tests get it through {@link AutoConfigureFakeHappyServer}. An application can add it
 * too, for example to run offline in a demo profile:
 * {@code application.addInitializers(new FakeHappyServerInitializer())}. Ahead-of-time
 * processing leaves its beans out of the generated code: in AOT mode the initializer runs
 * again and registers them, once.
 */
public class FakeHappyServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Name of the {@link FakeHappyServer} bean. */
	public static final String SERVER_BEAN_NAME = "fakeHappyServer";

	/** Name of the {@link HappyTestAccount} bean. */
	public static final String ACCOUNT_BEAN_NAME = "fakeHappyAccount";

	/** Name of the {@link FakeHappyDaemon} bean. */
	public static final String DAEMON_BEAN_NAME = "fakeHappyDaemon";

	/** Name of the {@link HappyConnectionDetails} bean. */
	public static final String CONNECTION_DETAILS_BEAN_NAME = "fakeHappyConnectionDetails";

	/** Name of the property source pointing the Happy properties at the fake. */
	public static final String PROPERTY_SOURCE = "fakeHappyServer";

	private static final String SETUP_NAME = "fakeHappySetup";

	private static final String DAEMON_SETUP_NAME = "fakeHappyDaemonSetup";

	private final Consumer<FakeHappyServer.Builder> settings;

	private final @Nullable AgentBehaviour daemon;

	/**
	 * Create an initializer for a server with the default settings and a daemon whose
	 * agents play turns.
	 */
	public FakeHappyServerInitializer() {
		this((builder) -> {
		}, AgentBehaviour.TURNS);
	}

	/**
	 * Create an initializer for a server with custom settings.
	 * @param settings applied to the builder before the server starts
	 * @param daemon how the daemon's agents answer, or {@code null} for no daemon
	 */
	public FakeHappyServerInitializer(Consumer<FakeHappyServer.Builder> settings, @Nullable AgentBehaviour daemon) {
		this.settings = settings;
		this.daemon = daemon;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getBeanFactory().containsBeanDefinition(SERVER_BEAN_NAME)) {
			return;
		}
		BackgroundStart<FakeHappySetup> setup = BackgroundStart.begin("fake Happy server",
				() -> FakeHappySetup.start(this.settings));
		setup.closeWith(context, SETUP_NAME, (started) -> started.server().close());
		setup.registerBean(context, SERVER_BEAN_NAME, FakeHappyServer.class, FakeHappySetup::server);
		setup.registerBean(context, ACCOUNT_BEAN_NAME, HappyTestAccount.class, FakeHappySetup::account);
		setup.registerBean(context, CONNECTION_DETAILS_BEAN_NAME, HappyConnectionDetails.class,
				(started) -> new FakeHappyConnectionDetails(started, context.getEnvironment()));
		AgentBehaviour behaviour = this.daemon;
		if (behaviour != null) {
			BackgroundStart<FakeHappyDaemon> daemon = setup.then("fake Happy daemon",
					(started) -> FakeHappyDaemon.builder(started.account()).behaviour(behaviour).start());
			daemon.closeWith(context, DAEMON_SETUP_NAME, FakeHappyDaemon::close);
			daemon.registerBean(context, DAEMON_BEAN_NAME, FakeHappyDaemon.class, (started) -> started);
		}
		setup.addPropertiesFirst(context, PROPERTY_SOURCE, FakeHappySetup::properties, FakeHappySetup.PROPERTIES);
	}

}
