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

package io.github.agentprotocols.acp;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The status of a {@link Run} (spec §2.5) and its legal transitions:
 * {@code pending → running → completed | failed | cancelled}, and
 * {@code pending → cancelled | failed}. Terminal statuses never change again.
 */
public enum RunStatus {

	/** Created, the handler not started yet. */
	PENDING,

	/** The handler is running. */
	RUNNING,

	/** The handler finished normally. */
	COMPLETED,

	/** The run failed; its {@link Run#error() error} says why. */
	FAILED,

	/** The run was cancelled. */
	CANCELLED;

	/**
	 * The status as written on the wire.
	 * @return for example {@code pending}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The status with the given wire name.
	 * @param wireName the name on the wire
	 * @return the status
	 * @throws AcpException {@code invalid_request} for an unknown status
	 */
	public static RunStatus fromWireName(String wireName) {
		return WireNames.find(values(), RunStatus::wireName, wireName, "run status");
	}

	/**
	 * Whether a run with this status is active: {@code pending} or {@code running}.
	 * @return whether the run may still change
	 */
	public boolean isActive() {
		return this == PENDING || this == RUNNING;
	}

	/**
	 * Whether this status is terminal and immutable.
	 * @return whether the run is completed, failed or cancelled
	 */
	public boolean isTerminal() {
		return !isActive();
	}

	/**
	 * The statuses from which a run may move to this one: the guard of the transition's
	 * {@code UPDATE … WHERE status IN (…)}.
	 * @return the legal sources, empty for {@code pending}
	 */
	public Set<RunStatus> legalSources() {
		return switch (this) {
			case PENDING -> EnumSet.noneOf(RunStatus.class);
			case RUNNING, COMPLETED -> EnumSet.of(previous());
			case FAILED, CANCELLED -> EnumSet.of(PENDING, RUNNING);
		};
	}

	private RunStatus previous() {
		return (this == RUNNING) ? PENDING : RUNNING;
	}

}
