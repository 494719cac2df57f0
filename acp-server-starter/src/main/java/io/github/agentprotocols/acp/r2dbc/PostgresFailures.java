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
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ThreadStoreUnavailableException;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Translates the failures of PostgreSQL operations: a database that cannot be reached
 * becomes a {@link ThreadStoreUnavailableException}, a foreign key naming a thread that
 * is gone becomes {@code not_found}; protocol answers pass unchanged.
 */
final class PostgresFailures {

	static final String UNIQUE_VIOLATION = "23505";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private PostgresFailures() {
	}

	static Throwable translate(Throwable failure) {
		if (failure instanceof AcpException) {
			return failure;
		}
		if (isUnavailable(failure)) {
			return new ThreadStoreUnavailableException("ACP database unavailable: " + failure.getMessage(), failure);
		}
		if (FOREIGN_KEY_VIOLATION.equals(sqlState(failure))) {
			return AcpException.notFound("thread not found");
		}
		return failure;
	}

	/**
	 * The name of the constraint a failure violated.
	 * @param failure the failure
	 * @return the constraint's name, if the failure names one
	 */
	static Optional<String> constraint(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PostgresqlException postgres) {
				return postgres.getErrorDetails().getConstraintName();
			}
		}
		return Optional.empty();
	}

	static @Nullable String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PostgresqlException postgres) {
				return postgres.getErrorDetails().getCode();
			}
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
				return r2dbc.getSqlState();
			}
		}
		return null;
	}

	/**
	 * Whether a failure means the database cannot be reached: a server error of class 08
	 * (connection exception), 57P (operator intervention) or 53300 (too many
	 * connections), or without a server error a failure to connect, a closed connection,
	 * an I/O error or a timeout. Other server errors are not unavailability, although the
	 * driver reports unclassified ones as non-transient resource failures.
	 */
	private static boolean isUnavailable(Throwable failure) {
		String sqlState = sqlState(failure);
		if (sqlState != null) {
			return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300");
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
					|| cause instanceof R2dbcTimeoutException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof IOException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
