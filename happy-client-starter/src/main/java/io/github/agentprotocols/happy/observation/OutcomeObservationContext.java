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

package io.github.agentprotocols.happy.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of an operation that ends with an outcome from a small fixed set:
 * {@code ok}, or how it failed or ended early.
 */
public abstract class OutcomeObservationContext extends Observation.Context {

	private @Nullable String outcome;

	static String outcomeOrUnknown(OutcomeObservationContext context) {
		String outcome = context.getOutcome();
		return (outcome != null) ? outcome : "unknown";
	}

	/**
	 * How the operation ended.
	 * @return the outcome, or {@code null} while it runs
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the operation ended, unless already set.
	 * @param outcome the outcome
	 */
	public void setOutcomeIfAbsent(String outcome) {
		if (this.outcome == null) {
			this.outcome = outcome;
		}
	}

}
