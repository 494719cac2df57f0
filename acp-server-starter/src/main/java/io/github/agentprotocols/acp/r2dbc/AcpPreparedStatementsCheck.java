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

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.ClassUtils;

/**
 * Checks on start-up that the R2DBC driver's named prepared statements work through
 * whatever pools the database's server connections: a PgBouncer in transaction pooling
 * hands a server connection to another client after each transaction, and the driver's
 * next {@code S_0} there fails ({@code prepared statement "S_0" already exists}), so that
 * the store would answer 500 on a part of its requests. Two fresh connections, the
 * application's pool bypassed, each prepare the same new statement in turn, up to
 * {@value #ROUNDS} times; a database that refuses the second's as a duplicate fails the
 * start-up with an {@link AcpPreparedStatementsSharedException}. One that does not answer
 * within {@value #TIMEOUT_SECONDS} s is only logged.
 * <p>
 * PgBouncer gives the second connection the server connection the first has just released
 * (it reuses the most recently used one, unless {@code server_round_robin} is set), so
 * the check finds transaction pooling whenever the driver names its statements. Another
 * client of the pooler can take that server connection in between: the application's own
 * pool warming up at the same moment did so on a loaded machine. The pool's warm-up is
 * therefore awaited first, and each round prepares a statement of its own, so that one
 * round taken away does not hide the pooling.
 */
public class AcpPreparedStatementsCheck implements InitializingBean {

	static final int TIMEOUT_SECONDS = 10;

	static final int ROUNDS = 5;

	private static final boolean POOLS_PRESENT = ClassUtils.isPresent("io.r2dbc.pool.ConnectionPool",
			AcpPreparedStatementsCheck.class.getClassLoader());

	/** PostgreSQL's {@code duplicate_prepared_statement}. */
	private static final String DUPLICATE_PREPARED_STATEMENT = "42P05";

	private static final Log logger = LogFactory.getLog(AcpPreparedStatementsCheck.class);

	private final ConnectionFactory connectionFactory;

	private final Mono<?> warmUp;

	/**
	 * Creates the check.
	 * @param connectionFactory the store's connection factory; a pool it wraps is
	 * bypassed
	 */
	public AcpPreparedStatementsCheck(ConnectionFactory connectionFactory) {
		this.warmUp = POOLS_PRESENT ? PoolWarmUp.of(connectionFactory) : Mono.empty();
		this.connectionFactory = PostgresNotificationListener.unpooled(connectionFactory);
	}

	/**
	 * Fails when the prepared statements of two connections collide.
	 * @throws AcpPreparedStatementsSharedException if they do
	 */
	@Override
	public void afterPropertiesSet() {
		Boolean shared;
		try {
			shared = statementsShared().block(Duration.ofSeconds(TIMEOUT_SECONDS));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check that the database's prepared statements work: " + ex.getMessage());
			return;
		}
		if (Boolean.TRUE.equals(shared)) {
			throw new AcpPreparedStatementsSharedException();
		}
	}

	/**
	 * Whether the prepared statements of one connection are found on another.
	 * @return {@code true} if the second connection's statement was refused as a
	 * duplicate
	 */
	public Mono<Boolean> statementsShared() {
		return this.warmUp
			.then(Mono.usingWhen(this.connectionFactory.create(),
					(first) -> Mono.usingWhen(this.connectionFactory.create(),
							(second) -> Flux.range(0, ROUNDS)
								.concatMap((round) -> prepare(first, round).then(prepare(second, round)))
								.then(Mono.just(false)),
							Connection::close),
					Connection::close))
			.onErrorResume(R2dbcException.class,
					(ex) -> DUPLICATE_PREPARED_STATEMENT.equals(ex.getSqlState()) ? Mono.just(true) : Mono.error(ex));
	}

	/**
	 * Runs a statement with a parameter, which the driver prepares, by name unless its
	 * statement cache is off; the round makes it a statement the connection has not
	 * prepared yet.
	 */
	private static Mono<Void> prepare(Connection connection, int round) {
		return Flux.from(connection.createStatement("SELECT $1::int AS probe_" + round).bind(0, 1).execute())
			.concatMap((result) -> result.map((row, metadata) -> row.get(0)))
			.then();
	}

	/** The warm-up of an r2dbc-pool {@link ConnectionPool}, which is optional. */
	private static final class PoolWarmUp {

		static Mono<?> of(ConnectionFactory connectionFactory) {
			return (connectionFactory instanceof ConnectionPool pool) ? pool.warmup() : Mono.empty();
		}

	}

}
