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

package io.github.agentprotocols.lime;

/**
 * The lease under which one instance of a site at a time reads the LIME event stream,
 * when several share it.
 */
@FunctionalInterface
public interface LimeStreamLease {

	/**
	 * Whether this instance holds the lease, and so reads the stream.
	 * @return {@code true} on the leader, {@code false} on a standby
	 */
	boolean isHeld();

	/**
	 * Whether this instance held the lease and has not reached the lease's store for
	 * longer than the lease time: its lease may have expired, and no instance may be
	 * reading the stream. It is false again once this instance renews or takes the lease,
	 * or learns that another instance holds it.
	 * @return {@code true} while the lease this instance held is lost
	 */
	default boolean isLost() {
		return false;
	}

}
