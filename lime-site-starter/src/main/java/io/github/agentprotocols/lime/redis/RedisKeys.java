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

package io.github.agentprotocols.lime.redis;

/**
 * Names of the Redis keys and channel of the LIME starter, all under one prefix. Sites
 * (site tokens) that share a Redis server need different prefixes.
 *
 * @param prefix the prefix of every key and channel, for example {@code lime:}
 */
public record RedisKeys(String prefix) {

	/**
	 * The key prefix of the stream's lease, under which Spring Integration's
	 * {@code RedisLockRegistry} keeps its lock.
	 * @return the registry key
	 */
	public String leases() {
		return this.prefix + "lease";
	}

	/**
	 * The string holding the id of the last event read from the stream.
	 * @return the key
	 */
	public String lastEventId() {
		return this.prefix + "last-event-id";
	}

	/**
	 * The string marking a login request whose outcome was taken on for handling.
	 * @param requestId the login request id
	 * @return the key
	 */
	public String handled(String requestId) {
		return this.prefix + "handled:" + requestId;
	}

	/**
	 * The sorted set of pending login request ids, scored by their {@code expires_at} in
	 * epoch milliseconds.
	 * @return the key
	 */
	public String pending() {
		return this.prefix + "pending";
	}

	/**
	 * The string marking a passport used.
	 * @param passport the passport's key in the replay store
	 * @return the key
	 */
	public String passport(String passport) {
		return this.prefix + "passport:" + passport;
	}

	/**
	 * The pub/sub channel carrying login outcomes to every instance.
	 * @return the channel
	 */
	public String logins() {
		return this.prefix + "logins";
	}

}
