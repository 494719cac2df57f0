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
		assertThat(timeouts.getConnect()).as("unset: Spring Boot's connect timeout, else the client's").isNull();
		assertThat(ReactiveHappyClient.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(20));
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
