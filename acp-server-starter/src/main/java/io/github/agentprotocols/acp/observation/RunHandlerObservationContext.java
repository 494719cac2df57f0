package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.Run;
import io.micrometer.observation.Observation;

/**
 * What the observation of a run's handler records.
 */
public class RunHandlerObservationContext extends Observation.Context {

	private final Run run;

	private String outcome = "unknown";

	/**
	 * Creates the context of a handler.
	 * @param run the running run
	 */
	public RunHandlerObservationContext(Run run) {
		this.run = run;
	}

	/**
	 * The running run.
	 * @return the run
	 */
	public Run getRun() {
		return this.run;
	}

	/**
	 * How the handler ended.
	 * @return {@code completed}, {@code cancelled}, {@code abandoned} (the run ended
	 * elsewhere or its thread is gone) or the failure code, such as
	 * {@code handler_error}; {@code unknown} before its end
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the handler ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
