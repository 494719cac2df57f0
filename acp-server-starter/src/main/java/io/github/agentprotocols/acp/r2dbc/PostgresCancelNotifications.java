package io.github.agentprotocols.acp.r2dbc;

import java.time.Duration;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens on the channel that {@code requestCancel} notifies (spec §6.6), on a connection
 * of its own outside the pool, and reconnects when the connection is lost.
 */
final class PostgresCancelNotifications {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final ConnectionFactory connectionFactory;

	private final String channel;

	PostgresCancelNotifications(ConnectionFactory connectionFactory, TablePrefix prefix) {
		this.connectionFactory = unpooled(connectionFactory);
		this.channel = prefix.value() + "run_cancel";
	}

	Flux<String> runIds() {
		return Flux.usingWhen(Mono.from(this.connectionFactory.create()), this::listen, Connection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF));
	}

	private Flux<String> listen(Connection connection) {
		if (!(unwrap(connection) instanceof PostgresqlConnection postgres)) {
			return Flux.error(new IllegalStateException("Not a PostgreSQL connection: " + connection));
		}
		return postgres.createStatement("LISTEN " + this.channel)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.thenMany(postgres.getNotifications())
			.filter((notification) -> this.channel.equals(notification.getName()))
			.mapNotNull(Notification::getParameter);
	}

	private static ConnectionFactory unpooled(ConnectionFactory connectionFactory) {
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
