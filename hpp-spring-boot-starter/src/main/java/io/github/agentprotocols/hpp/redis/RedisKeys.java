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

import java.util.HexFormat;
import java.util.stream.IntStream;

/**
 * Names of the Redis keys and channels of the handshake starter, all under one prefix.
 * <p>
 * A session's keys and channel carry the hash tag of its {@linkplain #bucket bucket}, one
 * of {@value #BUCKETS}, which its id picks, so that on Redis Cluster they share a slot
 * with each other and with the bucket's expiry index (one script can touch them all),
 * while the buckets, and so the sessions, spread over the cluster's shards. Two keys lie
 * outside the buckets: the {@linkplain #live() register of live sessions} that bounds
 * their number, and each {@linkplain #owner owner's} register; only creating and removing
 * a session touches them. The {@linkplain #throttle throttles'} counts carry the hash tag
 * of their client.
 *
 * @param prefix the prefix of every key and channel, for example {@code hpp:}; without
 * {@code '{'} or {@code '}'}, which would make a hash tag of its own
 */
public record RedisKeys(String prefix) {

	/** The number of buckets the sessions are spread over. */
	public static final int BUCKETS = 256;

	/**
	 * Each bucket's hash tag, two lowercase hexadecimal digits in braces, and the colon
	 * after it, made once.
	 */
	private static final String[] BUCKET_TAGS = IntStream.range(0, BUCKETS)
		.mapToObj((bucket) -> "{" + HexFormat.of().toHexDigits((byte) bucket) + "}:")
		.toArray(String[]::new);

	/**
	 * Creates the names.
	 * @param prefix the prefix of every key and channel
	 * @throws IllegalArgumentException if the prefix holds a brace
	 */
	public RedisKeys {
		if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
			throw new IllegalArgumentException("The key prefix must not contain '{' or '}': the session keys carry"
					+ " a hash tag per bucket, and a hash tag in the prefix would put every key in one Redis"
					+ " Cluster slot");
		}
	}

	/**
	 * The bucket of a session: a number from 0 to {@value #BUCKETS} - 1 that its id
	 * picks.
	 * @param sessionId the session id
	 * @return the bucket
	 */
	public static int bucket(String sessionId) {
		return sessionId.hashCode() & (BUCKETS - 1);
	}

	/**
	 * The hash holding a session's state ({@code d}, without its request windows) and
	 * version ({@code v}).
	 * @param sessionId the session id
	 * @return the key
	 */
	public String session(String sessionId) {
		return ofSession("session:", sessionId);
	}

	/**
	 * The string logging the times of a session's accepted agent requests, oldest first,
	 * in fixed-width entries.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String requests(String sessionId) {
		return ofSession("requests:", sessionId);
	}

	/**
	 * The string logging the times of a session's accepted extend requests, oldest first,
	 * in fixed-width entries.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String extensions(String sessionId) {
		return ofSession("extensions:", sessionId);
	}

	/**
	 * The hash of a session's field values, by field key.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String fields(String sessionId) {
		return ofSession("fields:", sessionId);
	}

	/**
	 * The list of a session's retained changes, oldest first.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String changes(String sessionId) {
		return ofSession("changes:", sessionId);
	}

	/**
	 * The sorted set of the ids of a bucket's sessions, scored by expiry time in epoch
	 * milliseconds.
	 * @param bucket the bucket
	 * @return the key
	 */
	public String sessions(int bucket) {
		return tag(bucket) + "sessions";
	}

	/**
	 * The expiry index of a session's bucket.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String sessions(String sessionId) {
		return sessions(bucket(sessionId));
	}

	/**
	 * The sorted set of the ids of all live sessions, scored by their deadlines in epoch
	 * milliseconds: the register that bounds their number across instances.
	 * @return the key
	 */
	public String live() {
		return this.prefix + "live";
	}

	/**
	 * The sorted set of the ids of an owner's live sessions, scored by their deadlines in
	 * epoch milliseconds.
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
		return ofSession("events:", sessionId);
	}

	/**
	 * The hash counting a session's WebSocket connections per instance.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String connections(String sessionId) {
		return ofSession("connections:", sessionId);
	}

	/**
	 * The list of a session's action batches waiting for paced delivery.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String deliveries(String sessionId) {
		return ofSession("deliveries:", sessionId);
	}

	/**
	 * The sorted set of the places reserved in a session's list by action requests not
	 * yet answered, scored by the time in epoch milliseconds at which each reservation
	 * lapses.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String reservations(String sessionId) {
		return ofSession("reservations:", sessionId);
	}

	/**
	 * The lease naming the instance that delivers a session's batches.
	 * @param sessionId the session id
	 * @return the key
	 */
	public String deliverer(String sessionId) {
		return ofSession("deliverer:", sessionId);
	}

	/**
	 * The sorted set of a client's attempts that a throttle counted in the last minute,
	 * scored by their times in epoch milliseconds. Its hash tag is the client's address,
	 * so each client's count lives in a slot of its own.
	 * @param throttle the throttle's name, such as {@code failed-tokens}
	 * @param client the client's address
	 * @return the key
	 */
	public String throttle(String throttle, String client) {
		return this.prefix + "throttle:" + throttle + ":{" + client + "}";
	}

	/**
	 * The pub/sub channel on which an instance tells the others that a client reached a
	 * throttle's limit: a cluster-wide broadcast, since every instance refuses the
	 * client.
	 * @return the channel
	 */
	public String throttled() {
		return this.prefix + "throttled";
	}

	private String ofSession(String kind, String sessionId) {
		return this.prefix + BUCKET_TAGS[bucket(sessionId)] + kind + sessionId;
	}

	private String tag(int bucket) {
		return this.prefix + BUCKET_TAGS[bucket];
	}

}
