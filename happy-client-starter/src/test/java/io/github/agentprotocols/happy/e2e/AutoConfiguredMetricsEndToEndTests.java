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
