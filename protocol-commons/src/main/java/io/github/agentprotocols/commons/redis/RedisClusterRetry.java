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

package io.github.agentprotocols.commons.redis;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Runs a Redis command again when a Redis Cluster answered "not now" rather than "no":
 * {@code CLUSTERDOWN} from a node that sees the cluster failing, which happens for a
 * moment while a master fails over, and {@code TRYAGAIN} while a slot moves. The node ran
 * nothing, so running the command again is safe. A few attempts, about three seconds in
 * all, outlast a failover's window; other errors are not retried.
 */
public final class RedisClusterRetry {

	private static final RetryBackoffSpec TRANSIENT = Retry.backoff(5, Duration.ofMillis(100))
		.maxBackoff(Duration.ofSeconds(1))
		.filter(RedisClusterRetry::isTransient)
		.onRetryExhaustedThrow((spec, signal) -> signal.failure());

	private RedisClusterRetry() {
	}

	/**
	 * The retry of the transient answers of a cluster.
	 * @return the retry, for {@code retryWhen}
	 */
	public static Retry transientAnswers() {
		return TRANSIENT;
	}

	/**
	 * Whether an error, or one of its causes, is a transient answer of a cluster.
	 * @param error the error, as Spring Data Redis wraps Lettuce's
	 * @return whether the command may be run again
	 */
	public static boolean isTransient(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.startsWith("CLUSTERDOWN") || message.startsWith("TRYAGAIN"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an error, or one of its causes, is the loss of the connection to a master
	 * being switched over, as with Redis Sentinel: the connection reset when the old
	 * master becomes a replica, or its {@code READONLY} answer. The command may or may
	 * not have run, so it is not retried; callers answer it as the store being
	 * unavailable for a moment.
	 * @param error the error, as Spring Data Redis wraps Lettuce's
	 * @return whether the master's connection was lost or it is no longer the master
	 */
	public static boolean isMasterSwitch(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (cause instanceof IOException || (message != null && message.startsWith("READONLY"))) {
				return true;
			}
		}
		return false;
	}

}
