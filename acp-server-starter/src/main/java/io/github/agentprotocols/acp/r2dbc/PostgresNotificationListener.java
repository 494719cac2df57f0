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

import java.util.Optional;
import java.util.regex.Pattern;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Listens on one PostgreSQL notification channel ({@code LISTEN}), on a connection of its
 * own outside any pool: the run cancellation requests and the cluster channel of the
 * broadcasts use it.
 */
public final class PostgresNotificationListener {

	private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final ConnectionFactory connectionFactory;

	private final String channel;

	/**
	 * Creates a listener.
	 * @param connectionFactory the connection factory; a pool it wraps is bypassed
	 * @param channel the channel: lower-case letters, digits and underscores
	 */
	public PostgresNotificationListener(ConnectionFactory connectionFactory, String channel) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("channel must match " + CHANNEL.pattern() + ": '" + channel + "'");
		}
		this.connectionFactory = unpooled(connectionFactory);
		this.channel = channel;
	}

	/**
	 * Opens a connection and listens until the connection is lost or the subscription
	 * cancelled, which closes it. Reconnecting is the caller's choice.
	 * @return first an empty element once {@code LISTEN} is in effect, then each
	 * notification's payload, in the order the database delivers them; ends with the
	 * connection
	 */
	public Flux<Optional<String>> listen() {
		return Flux.usingWhen(Mono.from(this.connectionFactory.create()), this::listen, Connection::close);
	}

	private Flux<Optional<String>> listen(Connection connection) {
		if (!(unwrap(connection) instanceof PostgresqlConnection postgres)) {
			return Flux.error(new IllegalStateException("Not a PostgreSQL connection: " + connection));
		}
		Flux<Optional<String>> payloads = postgres.getNotifications()
			.filter((notification) -> this.channel.equals(notification.getName()))
			.mapNotNull(Notification::getParameter)
			.map(Optional::of);
		return postgres.createStatement("LISTEN " + this.channel)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.thenMany(payloads.startWith(Optional.empty()));
	}

	static ConnectionFactory unpooled(ConnectionFactory connectionFactory) {
		ConnectionFactory factory = connectionFactory;
		while (factory instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory target) {
			factory = target;
		}
		return factory;
	}

	private static Object unwrap(Object connection) {
		Object current = connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		return current;
	}

}
