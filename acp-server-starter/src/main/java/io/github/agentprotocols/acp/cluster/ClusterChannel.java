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

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The channel the instances of one application exchange their broadcasts on: a PostgreSQL
 * notification channel or a Redis pub/sub channel. Every instance listening receives
 * every message, the sender included, and one sender's messages in the order it sent
 * them.
 */
public interface ClusterChannel {

	/**
	 * Sends a message to every instance listening.
	 * @param message the message text, at most {@link #maxMessageBytes()} long in UTF-8
	 * @return completes once the channel accepted the message
	 */
	Mono<Void> send(String message);

	/**
	 * Listens on one connection until it is lost, which ends the flux, or until the
	 * subscription is cancelled. Reconnecting is the caller's job.
	 * @return first an empty element once listening is in effect, then each message
	 */
	Flux<Optional<String>> listen();

	/**
	 * The longest message the channel carries, in UTF-8 bytes.
	 * @return the limit
	 */
	int maxMessageBytes();

	/**
	 * The transport's name, as {@code acp.cluster.transport} spells it.
	 * @return for example {@code postgres}
	 */
	String transport();

}
