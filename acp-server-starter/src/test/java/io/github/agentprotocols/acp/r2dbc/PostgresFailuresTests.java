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

package io.github.agentprotocols.acp.r2dbc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.InvocationRequest;
import io.github.agentprotocols.acp.NewThread;
import io.github.agentprotocols.acp.TenantScope;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresFailuresTests {

	@Test
	void anUnreachableDatabaseFailsEveryKindOfOperationAsUnavailable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		DatabaseClient client = DatabaseClient
			.create(ConnectionFactories.get("r2dbc:postgresql://acp:acp@127.0.0.1:" + port + "/acp"));
		PostgresThreadStore store = new PostgresThreadStore(client);
		Identity alice = Identity.user("alice", "Alice");
		for (Mono<?> operation : List.of(store.findThread("th_1"),
				store.createThread(NewThread.withTenant(TenantScope.PUBLIC), alice),
				store.invoke("th_1", InvocationRequest.of(List.of("helper"), alice, "K", null)),
				store.listMembers("th_1").collectList(), store.countActiveRuns(),
				new AcpSchemaInitializer(client).initialize())) {
			assertThatExceptionOfType(ThreadStoreUnavailableException.class)
				.isThrownBy(() -> operation.block(Duration.ofMinutes(1)));
		}
	}

	@Test
	void connectionFailuresWithoutAServerErrorAreUnavailable() {
		assertThat(PostgresFailures.translate(new R2dbcNonTransientResourceException("connection closed")))
			.isInstanceOf(ThreadStoreUnavailableException.class);
		assertThat(PostgresFailures
			.translate(new DataAccessResourceFailureException("no connection", new ConnectException("refused"))))
			.isInstanceOf(ThreadStoreUnavailableException.class);
		assertThat(PostgresFailures.translate(new R2dbcNonTransientResourceException("terminating", "57P01")))
			.isInstanceOf(ThreadStoreUnavailableException.class);
		assertThat(PostgresFailures.translate(new R2dbcNonTransientResourceException("broken", "08006")))
			.isInstanceOf(ThreadStoreUnavailableException.class);
	}

	@Test
	void otherServerErrorsAreNotUnavailable() {
		R2dbcNonTransientResourceException internal = new R2dbcNonTransientResourceException("internal", "XX000");
		assertThat(PostgresFailures.translate(internal)).isSameAs(internal);
		R2dbcNonTransientResourceException cancelled = new R2dbcNonTransientResourceException("cancelled", "57014");
		assertThat(PostgresFailures.translate(cancelled)).isSameAs(cancelled);
	}

	@Test
	void aForeignKeyViolationMeansTheThreadIsGone() {
		assertThat(PostgresFailures.translate(new R2dbcDataIntegrityViolationException("fk", "23503")))
			.isInstanceOfSatisfying(AcpException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.NOT_FOUND));
	}

	@Test
	void protocolAnswersPassUnchanged() {
		AcpException conflict = AcpException.idempotencyConflict("reused");
		assertThat(PostgresFailures.translate(conflict)).isSameAs(conflict);
	}

}
