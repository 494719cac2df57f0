package io.github.agentprotocols.benchmarks.load;

import java.util.concurrent.CompletionStage;

/**
 * One request of a load run: starts the request and completes when its answer has
 * arrived, exceptionally if it failed.
 */
@FunctionalInterface
public interface Operation {

	/**
	 * Start one request.
	 * @return a stage that completes with the answer
	 * @throws Exception if the request cannot be started
	 */
	CompletionStage<?> call() throws Exception;

}
