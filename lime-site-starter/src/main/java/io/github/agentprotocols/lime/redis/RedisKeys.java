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
 * <p>
 * The keys are laid out for a Redis Cluster as well as for a single server: a passport's
 * mark carries the passport as its hash tag, so those marks spread over every slot; the
 * pending requests, which every login request touches, are split into
 * {@value #PENDING_BUCKETS} sorted sets whose hash tags are their numbers ({@code {0}} to
 * {@code {15}}), the request id choosing its set. The reader's records of the stream (the
 * last event id, the claims and the events in flight) share the hash tag
 * {@code {stream}}: one master holds them all and its replica receives them in the order
 * they were written, so a replica promoted after a crash never holds a later record
 * without the earlier ones (a cursor past an event whose in-flight record was lost would
 * lose the event). Every script touches one key, so no command spans two slots. The
 * prefix carries no hash tag, since that would put every key in one slot.
 *
 * @param prefix the prefix of every key and channel, for example {@code lime:}; without
 * <code>{</code> or <code>}</code>
 */
public record RedisKeys(String prefix) {

	/**
	 * How many sorted sets hold the pending login requests.
	 */
	public static final int PENDING_BUCKETS = 16;

	/** The hash tag of the reader's records of the stream, and the colon after it. */
	private static final String STREAM = "{stream}:";

	/**
	 * Create the names under a prefix.
	 * @param prefix the prefix of every key and channel
	 * @throws IllegalArgumentException when the prefix contains a brace, which would make
	 * it the hash tag of every key
	 */
	public RedisKeys {
		if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
			throw new IllegalArgumentException("The prefix of the LIME Redis keys '" + prefix
					+ "' must not contain '{' or '}': Redis Cluster would take it for the hash tag of every key and put them all in one slot");
		}
	}

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
		return this.prefix + STREAM + "last-event-id";
	}

	/**
	 * The string that held the id of the last event read from the stream before the
	 * reader's records shared a hash tag, read when {@link #lastEventId()} is absent.
	 * @return the key
	 */
	public String formerLastEventId() {
		return this.prefix + "last-event-id";
	}

	/**
	 * The string marking a login request whose outcome was taken on for handling.
	 * @param requestId the login request id
	 * @return the key
	 */
	public String handled(String requestId) {
		return this.prefix + STREAM + "handled:" + requestId;
	}

	/**
	 * The sorted set of the events taken on for handling and not yet handled, scored by
	 * when they were taken on in epoch milliseconds; one per site.
	 * @return the key
	 */
	public String inFlight() {
		return this.prefix + STREAM + "in-flight";
	}

	/**
	 * The sorted set of pending login request ids that holds a request, scored by their
	 * {@code expires_at} in epoch milliseconds: {@link #pending(int)} of the request id's
	 * {@link String#hashCode()} modulo {@value #PENDING_BUCKETS}.
	 * @param requestId the login request id
	 * @return the key
	 */
	public String pendingOf(String requestId) {
		return pending(Math.floorMod(requestId.hashCode(), PENDING_BUCKETS));
	}

	/**
	 * One of the {@value #PENDING_BUCKETS} sorted sets of pending login request ids,
	 * scored by their {@code expires_at} in epoch milliseconds, hash tagged by its
	 * number.
	 * @param bucket the set's number, from 0 to {@value #PENDING_BUCKETS} - 1
	 * @return the key
	 */
	public String pending(int bucket) {
		return this.prefix + "pending:{" + bucket + "}";
	}

	/**
	 * The string marking a passport used, hash tagged by the passport's key.
	 * @param passport the passport's key in the replay store
	 * @return the key
	 */
	public String passport(String passport) {
		return this.prefix + "passport:{" + passport + "}";
	}

	/**
	 * The pub/sub channel carrying login outcomes to every instance. On a Redis Cluster a
	 * message published on it is forwarded to every node.
	 * @return the channel
	 */
	public String logins() {
		return this.prefix + "logins";
	}

}
