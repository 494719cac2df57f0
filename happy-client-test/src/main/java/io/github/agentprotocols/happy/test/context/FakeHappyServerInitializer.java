package io.github.agentprotocols.happy.test.context;

import java.util.Map;
import java.util.function.Consumer;

import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.HappyTestAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An {@link ApplicationContextInitializer} that runs a {@link FakeHappyServer} for an
 * application context: it starts the server, creates a {@link HappyTestAccount} on it
 * and, unless told otherwise, a {@link FakeHappyDaemon} of that account; it points
 * {@code happy.server-url}, {@code happy.token} and {@code happy.secret} at them
 * (property source {@value #PROPERTY_SOURCE}, ahead of every other), and registers them
 * as the beans {@value #SERVER_BEAN_NAME}, {@value #ACCOUNT_BEAN_NAME} and
 * {@value #DAEMON_BEAN_NAME}. They close with the context. A context that already has the
 * server is left as it is.
 * <p>
 * Tests get it through {@link AutoConfigureFakeHappyServer}. An application can add it
 * too, for example to run offline in a demo profile:
 * {@code application.addInitializers(new FakeHappyServerInitializer())}.
 */
public class FakeHappyServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Name of the {@link FakeHappyServer} bean. */
	public static final String SERVER_BEAN_NAME = "fakeHappyServer";

	/** Name of the {@link HappyTestAccount} bean. */
	public static final String ACCOUNT_BEAN_NAME = "fakeHappyAccount";

	/** Name of the {@link FakeHappyDaemon} bean. */
	public static final String DAEMON_BEAN_NAME = "fakeHappyDaemon";

	/** Name of the property source pointing the Happy properties at the fake. */
	public static final String PROPERTY_SOURCE = "fakeHappyServer";

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
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory.containsSingleton(SERVER_BEAN_NAME)) {
			return;
		}
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
			throw new IllegalStateException("The fake Happy server needs a bean factory that destroys registered "
					+ "singletons, not a " + beanFactory.getClass().getName());
		}
		FakeHappyServer.Builder builder = FakeHappyServer.builder();
		this.settings.accept(builder);
		FakeHappyServer server = builder.start();
		registry.registerSingleton(SERVER_BEAN_NAME, server);
		registry.registerDisposableBean(SERVER_BEAN_NAME, server::close);
		HappyTestAccount account = HappyTestAccount.create(server);
		registry.registerSingleton(ACCOUNT_BEAN_NAME, account);
		if (this.daemon != null) {
			FakeHappyDaemon daemon = FakeHappyDaemon.builder(account).behaviour(this.daemon).start();
			registry.registerSingleton(DAEMON_BEAN_NAME, daemon);
			registry.registerDisposableBean(DAEMON_BEAN_NAME, daemon::close);
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("happy.server-url", server.url(), "happy.token",
					account.token(), "happy.secret", account.secretBase64())));
	}

}
