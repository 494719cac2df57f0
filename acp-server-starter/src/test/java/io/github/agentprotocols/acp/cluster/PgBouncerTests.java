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

package io.github.agentprotocols.acp.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.LoopbackPorts;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgBouncer}, the test fixture: it must never hand out a port another
 * process took after it was found free.
 */
@UsesPostgres
class PgBouncerTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PgBouncerTests.class);

	@AfterAll
	static void stop() {
		database.close();
	}

	@Test
	void aPortTakenBeforePgBouncerListensIsLeftForAnother() throws IOException {
		try (ServerSocket taken = new ServerSocket(LoopbackPorts.free(), 50, InetAddress.getLoopbackAddress())) {
			AtomicInteger calls = new AtomicInteger();
			try (PgBouncer pgBouncer = PgBouncer.transactionPooling(database.r2dbcUrl(),
					() -> (calls.getAndIncrement() == 0) ? taken.getLocalPort() : LoopbackPorts.free())) {
				assertThat(calls).hasValue(2);
				assertThat(pgBouncer.port()).isNotEqualTo(taken.getLocalPort());
				Integer one = Mono.from(ConnectionFactories.get(pgBouncer.r2dbcUrl()).create())
					.flatMapMany((connection) -> Flux.from(connection.createStatement("SELECT 1").execute())
						.flatMap((result) -> result.map((row, metadata) -> row.get(0, Integer.class)))
						.concatWith(Mono.defer(() -> Mono.from(connection.close()).then(Mono.empty()))))
					.blockFirst();
				assertThat(one).isEqualTo(1);
			}
		}
	}

}
