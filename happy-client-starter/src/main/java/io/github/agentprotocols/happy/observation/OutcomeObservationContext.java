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
