package io.github.agentprotocols.samples.showcase;

import java.util.stream.Stream;

import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Lets the showcase start with no external service: when no Happy credentials are
 * configured ({@code happy.token}, {@code happy.secret} or
 * {@code happy.credentials-path}, or their environment variables such as
 * {@code HAPPY_TOKEN}), it runs the fake Happy server of the {@code happy-client-test}
 * kit with an account and a machine daemon in this process
 * ({@link FakeHappyServerInitializer}: beans, {@code happy.*} pointed at them, closed
 * with the context).
 */
class OfflineHappyInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(OfflineHappyInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("happy.enabled", Boolean.class, true)
				|| Stream.of("happy.token", "happy.secret", "happy.credentials-path")
					.anyMatch((name) -> StringUtils.hasText(environment.getProperty(name)))) {
			return;
		}
		new FakeHappyServerInitializer().initialize(context);
		FakeHappyDaemon daemon = context.getBeanFactory()
			.getBean(FakeHappyServerInitializer.DAEMON_BEAN_NAME, FakeHappyDaemon.class);
		logger.info("No Happy credentials configured: using the fake Happy server at "
				+ environment.getProperty("happy.server-url") + " with the fake machine " + daemon.machineId()
				+ " (set HAPPY_TOKEN and HAPPY_SECRET to use Happy)");
	}

}
