package io.github.agentprotocols.benchmarks.load;

import java.util.List;

/**
 * A load-driver scenario: measures its figures and, first, the raw baseline they are
 * divided by, in the same run.
 */
public interface LoadScenario {

	/**
	 * Run the scenario.
	 * @return the reports, the scenario's baseline first
	 * @throws Exception if the scenario cannot run
	 */
	List<LatencyReport> run() throws Exception;

}
