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

package io.github.agentprotocols.commons.observation;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Stops a started {@link Observation} exactly once, whichever signal asks first: a
 * reactive call may succeed and then be cancelled, or fail while it is being cancelled.
 */
public final class ObservationStop {

	private final Observation observation;

	private final AtomicBoolean stopped = new AtomicBoolean();

	/**
	 * Creates the stop of an observation.
	 * @param observation the started observation
	 */
	public ObservationStop(Observation observation) {
		this.observation = observation;
	}

	/**
	 * The observation this stops.
	 * @return the observation
	 */
	public Observation observation() {
		return this.observation;
	}

	/**
	 * Stops the observation unless it was stopped already.
	 * @return whether this call stopped it
	 */
	public boolean stop() {
		return stop(null);
	}

	/**
	 * Records an error on the observation and stops it, unless it was stopped already.
	 * @param error the error to record, or null to record none
	 * @return whether this call stopped it
	 */
	public boolean stop(@Nullable Throwable error) {
		if (!this.stopped.compareAndSet(false, true)) {
			return false;
		}
		if (error != null) {
			this.observation.error(error);
		}
		this.observation.stop();
		return true;
	}

}
