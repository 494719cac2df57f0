package io.github.agentprotocols.happy.e2e;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.connection.HappyConnectionDetails;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application wired to the test kit's fake server by its
 * {@link HappyConnectionDetails} bean alone, without any {@code happy.*} property.
 */
class ConnectionDetailsEndToEndTests {

	@Test
	void applicationWiredOnlyByTheConnectionDetailsBeanTalksToTheFake() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
			.withPropertyValues("happy.home-dir=target/no-happy-home")
			.withInitializer(new FakeHappyServerInitializer())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.remove(FakeHappyServerInitializer.PROPERTY_SOURCE))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getEnvironment().containsProperty("happy.server-url")).isFalse();
				assertThat(context.getEnvironment().containsProperty("happy.token")).isFalse();
				FakeHappyServer server = context.getBean(FakeHappyServer.class);
				FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
				HappyClient client = context.getBean(HappyClient.class);
				assertThat(client.reactive().serverUrl()).isEqualTo(server.url());
				assertThat(client.listMachines()).extracting(Machine::id).contains(daemon.machineId());
			});
	}

}
