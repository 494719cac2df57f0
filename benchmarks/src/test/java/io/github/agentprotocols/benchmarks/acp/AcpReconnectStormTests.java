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

package io.github.agentprotocols.benchmarks.acp;

import java.time.Duration;

import io.github.agentprotocols.benchmarks.acp.AcpReconnectStorm.Target;
import io.github.agentprotocols.benchmarks.acp.StormClients.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of the reconnect storm that every build runs: 500 clients on each
 * transport, all reconnecting at once after the restart.
 */
class AcpReconnectStormTests {

	private static final int CLIENTS = 500;

	@ParameterizedTest
	@EnumSource(Transport.class)
	void everyClientReconnectsAfterARestartWithoutUnearned503sOrLeakedDescriptors(Transport transport)
			throws Exception {
		StormReport report = new AcpReconnectStorm(Target.ACP, transport, CLIENTS, Duration.ZERO,
				Duration.ofSeconds(60))
			.run();
		System.out.println(StormReport.CSV_HEADER + "\n" + report.toCsv(report));
		assertThat(report.pacedRefusals()).as("503 at their own pace in %s", report).isZero();
		assertThat(report.connectedBefore()).isEqualTo(CLIENTS);
		assertThat(report.reconnected()).as("reconnected in %s", report).isEqualTo(CLIENTS);
		assertThat(report.unearnedRefusals()).as("unearned 503 in %s", report).isZero();
		assertThat(report.serverLoggedRefusals()).isEqualTo(report.refusals());
		assertThat(report.descriptorsConnected()).isGreaterThanOrEqualTo(report.descriptorsBefore() + CLIENTS);
		// served in place on either transport: the client's own connection, no loopback
		// pair
		assertThat(report.descriptorsConnected()).as("descriptors with every client connected in %s", report)
			.isLessThan(report.descriptorsBefore() + CLIENTS + CLIENTS / 10);
		assertThat(report.descriptorsLeft()).as("descriptors left in %s", report)
			.isLessThanOrEqualTo(AcpReconnectStorm.DESCRIPTOR_SLACK);
	}

}
