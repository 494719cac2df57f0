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
