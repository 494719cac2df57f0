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

package io.github.agentprotocols.hpp.redis;

/**
 * Names of the Redis keys and channels of the handshake starter, all under one prefix.
 * For Redis Cluster, put a hash tag in the prefix (for example {@code {hpp}:}) so that a
 * session's keys and the session index share a slot.
 *
 * @param prefix the prefix of every key and channel, for example {@code hpp:}
 */
public record RedisKeys(String prefix) {

	/**
	 * The hash holding a session's state ({@code d}, without its request windows) and
	 * version ({@code v}).
	 * @param sessionId the session id
	 * @return the key
	 */
	public String session(String sessionId) {
		return this.prefix + "session:" + sessionId;
	}

	/**
	 * The string logging the times of a session's accepted agent requests, oldest first,
	 * in fixed-width entries.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String requests(String sessionId) {
		return this.prefix + "requests:" + sessionId;
	}

	/**
	 * The string logging the times of a session's accepted extend requests, oldest first,
	 * in fixed-width entries.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String extensions(String sessionId) {
		return this.prefix + "extensions:" + sessionId;
	}

	/**
	 * The hash of a session's field values, by field key.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String fields(String sessionId) {
		return this.prefix + "fields:" + sessionId;
	}

	/**
	 * The list of a session's retained changes, oldest first.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String changes(String sessionId) {
		return this.prefix + "changes:" + sessionId;
	}

	/**
	 * The sorted set of all session ids, scored by expiry time in epoch milliseconds.
	 * @return the key
	 */
	public String sessions() {
		return this.prefix + "sessions";
	}

	/**
	 * The sorted set of the ids of an owner's sessions, pruned of removed sessions
	 * whenever the owner creates one.
	 * @param owner the owner (principal name)
	 * @return the key
	 */
	public String owner(String owner) {
		return this.prefix + "owner:" + owner;
	}

	/**
	 * The pub/sub channel of a session's WebSocket events.
	 * @param sessionId the session id
	 * @return the channel
	 */
	public String events(String sessionId) {
		return this.prefix + "events:" + sessionId;
	}

	/**
	 * The hash counting a session's WebSocket connections per instance.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String connections(String sessionId) {
		return this.prefix + "connections:" + sessionId;
	}

	/**
	 * The list of a session's action batches waiting for paced delivery.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String deliveries(String sessionId) {
		return this.prefix + "deliveries:" + sessionId;
	}

	/**
	 * The sorted set of the places reserved in a session's list by action requests not
	 * yet answered, scored by the time in epoch milliseconds at which each reservation
	 * lapses.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String reservations(String sessionId) {
		return this.prefix + "reservations:" + sessionId;
	}

	/**
	 * The lease naming the instance that delivers a session's batches.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String deliverer(String sessionId) {
		return this.prefix + "deliverer:" + sessionId;
	}

}
