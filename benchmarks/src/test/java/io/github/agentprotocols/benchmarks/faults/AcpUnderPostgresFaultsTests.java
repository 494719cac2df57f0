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

package io.github.agentprotocols.benchmarks.faults;

import java.time.Duration;

import io.github.agentprotocols.testsupport.PostgresServer;
import io.github.agentprotocols.testsupport.UsesPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short versions of the ACP fault driver on PostgreSQL that CI runs: a few seconds of
 * messages on a PostgreSQL server of the test's own, relayed through it, while every
 * application connection is cut twice, or while the server restarts once.
 */
@UsesPostgres
class AcpUnderPostgresFaultsTests {

	private static final PostgresServer server = PostgresServer.start();

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void everyAcknowledgedMessageReachesBothInstancesClientsOnceThroughConnectionCuts() throws Exception {
		FaultReport report = AcpUnderFaults.postgresConnectionsCut(server, Duration.ZERO, Duration.ofMillis(1500), 2)
			.run();
		AcpUnderFaultsTests.assertDeliveredOnceWithoutLoss(report, 2);
		assertThat(report.toCsv()).startsWith("acp-postgres-relay,pg-terminate,2,");
	}

	@Test
	void everyAcknowledgedMessageReachesBothInstancesClientsOnceThroughARestart() throws Exception {
		FaultReport report = AcpUnderFaults.postgresRestarts(server, Duration.ZERO, Duration.ofSeconds(2), 1).run();
		AcpUnderFaultsTests.assertDeliveredOnceWithoutLoss(report, 1);
		assertThat(report.toCsv()).startsWith("acp-postgres-relay,pg-restart,1,");
	}

}
