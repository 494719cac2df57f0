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
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Runs a Redis command again when a Redis Cluster answered "not now" rather than "no":
 * {@code CLUSTERDOWN} from a node that sees the cluster failing, which happens while a
 * master fails over, and {@code TRYAGAIN} while a slot moves; and Lettuce's own "no node
 * for this slot" while its view of a failing-over cluster lacks the slot's master.
 * Nothing ran the command, so running it again is safe. The command is run again, after a
 * pause growing from 0.1 s to 1 s, for {@linkplain #WINDOW ten seconds} from its first
 * answer: a node that saw the cluster fail stays down for up to its rejoin delay, which
 * Redis bounds at five seconds, and a loaded machine stretches a failover beyond three
 * (seen in CI). Other errors are not retried.
 */
public final class RedisClusterRetry {

	/**
	 * How long a command is run again while the cluster answers it transiently.
	 */
	public static final Duration WINDOW = Duration.ofSeconds(10);

	/**
	 * Lettuce's {@code PartitionSelectorException}: its view of the cluster has no node
	 * for the command's slot, for a moment while a master fails over; nothing was sent.
	 */
	private static final String NO_PARTITION = "Cannot determine a partition for slot";

	private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

	private RedisClusterRetry() {
	}

	/**
	 * The retry of the transient answers of a cluster, each command measuring its
	 * {@link #WINDOW} from its first transient answer.
	 * @return the retry, for {@code retryWhen}
	 */
	public static Retry transientAnswers() {
		return Retry.from((signals) -> {
			Scheduler clock = Schedulers.parallel();
			long[] firstAnswer = { -1 };
			return signals.concatMap((signal) -> {
				long now = clock.now(TimeUnit.NANOSECONDS);
				if (firstAnswer[0] < 0) {
					firstAnswer[0] = now;
				}
				if (!isTransient(signal.failure()) || now - firstAnswer[0] >= WINDOW.toNanos()) {
					return Mono.error(signal.failure());
				}
				return Mono.delay(pause(signal.totalRetries()), clock);
			});
		});
	}

	private static Duration pause(long retries) {
		return (retries >= 4) ? LONGEST_PAUSE : FIRST_PAUSE.multipliedBy(1L << retries);
	}

	/**
	 * Whether an error, or one of its causes, is a transient answer of a cluster.
	 * @param error the error, as Spring Data Redis wraps Lettuce's
	 * @return whether the command may be run again
	 */
	public static boolean isTransient(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.startsWith("CLUSTERDOWN") || message.startsWith("TRYAGAIN")
					|| message.startsWith(NO_PARTITION))) {
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
