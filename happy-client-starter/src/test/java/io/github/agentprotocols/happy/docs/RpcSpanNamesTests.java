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
