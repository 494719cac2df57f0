package io.github.agentprotocols.acp.r2dbc;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
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

	private final PostgresNotificationListener listener;

	PostgresCancelNotifications(ConnectionFactory connectionFactory, TablePrefix prefix) {
		this.listener = new PostgresNotificationListener(connectionFactory, prefix.value() + "run_cancel");
	}

	Flux<String> runIds() {
		return this.listener.listen()
			.flatMap(Mono::justOrEmpty)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF));
	}

}
