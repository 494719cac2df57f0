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

import java.util.Optional;

import io.github.agentprotocols.acp.r2dbc.PostgresNotificationListener;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A {@link ClusterChannel} on PostgreSQL's notifications: {@code pg_notify} on a pooled
 * connection, {@code LISTEN} on a connection of its own outside the pool. The channel is
 * {@code <table-prefix>broadcast}. A notification's payload must be shorter than 8,000
 * bytes; longer messages are the relay's to shorten.
 */
public class PostgresClusterChannel implements ClusterChannel {

	/** A margin below PostgreSQL's 8,000-byte payload limit. */
	static final int MAX_PAYLOAD_BYTES = 7_900;

	private final DatabaseClient client;

	private final String channel;

	private final PostgresNotificationListener listener;

	/**
	 * Creates a channel.
	 * @param connectionFactory the application's connection factory
	 * @param tablePrefix the prefix of the ACP tables, which the channel's name starts
	 * with
	 */
	public PostgresClusterChannel(ConnectionFactory connectionFactory, String tablePrefix) {
		this(connectionFactory, connectionFactory, tablePrefix);
	}

	/**
	 * Creates a channel that listens on connections of another factory than it notifies
	 * on: a direct connection to the database when the application's go through a
	 * PgBouncer in transaction pooling, which passes {@code pg_notify} but delivers no
	 * notifications.
	 * @param connectionFactory the application's connection factory, for
	 * {@code pg_notify}
	 * @param listenConnectionFactory the factory of the {@code LISTEN} connection
	 * @param tablePrefix the prefix of the ACP tables, which the channel's name starts
	 * with
	 */
	public PostgresClusterChannel(ConnectionFactory connectionFactory, ConnectionFactory listenConnectionFactory,
			String tablePrefix) {
		this.client = DatabaseClient.create(connectionFactory);
		this.channel = tablePrefix + "broadcast";
		this.listener = new PostgresNotificationListener(listenConnectionFactory, this.channel);
	}

	@Override
	public Mono<Void> send(String message) {
		return this.client.sql("SELECT pg_notify($1, $2)").bind(0, this.channel).bind(1, message).then();
	}

	@Override
	public Flux<Optional<String>> listen() {
		return this.listener.listen();
	}

	@Override
	public int maxMessageBytes() {
		return MAX_PAYLOAD_BYTES;
	}

	@Override
	public String transport() {
		return "postgres";
	}

}
