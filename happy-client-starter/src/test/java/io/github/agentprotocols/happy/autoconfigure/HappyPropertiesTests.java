package io.github.agentprotocols.happy.autoconfigure;

import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the default timings of {@link HappyProperties} and
 * {@link ReactiveHappyClient} (spec §11).
 */
class HappyPropertiesTests {

	@SpecItem("HAPPY-11.1")
	@Test
	void rpcAckTimeoutOutlastsTheServersOwnWaitAndAnswerTimeouts() {
		Duration rpc = new HappyProperties().getTimeouts().getRpc();
		assertThat(rpc).isEqualTo(Duration.ofSeconds(60)).isGreaterThan(Duration.ofSeconds(15 + 30));
	}

	@SpecItem("HAPPY-11.1")
	@Test
	void otherTimeoutsDefaultToTheSpecsValues() {
		HappyProperties.Timeouts timeouts = new HappyProperties().getTimeouts();
		assertThat(timeouts.getConnect()).isEqualTo(Duration.ofSeconds(20));
		assertThat(timeouts.getMetadataAck()).isEqualTo(Duration.ofSeconds(15));
		assertThat(timeouts.getRequest()).isEqualTo(Duration.ofSeconds(30));
	}

	@SpecItem("HAPPY-11.1")
	@Test
	void waitsDefaultToTheSdksDeadlines() {
		assertThat(ReactiveHappyClient.DEFAULT_WAIT).isEqualTo(Duration.ofSeconds(300));
		assertThat(ReactiveHappyClient.DEFAULT_TASK_TIMEOUT).isEqualTo(Duration.ofSeconds(600));
	}

}
