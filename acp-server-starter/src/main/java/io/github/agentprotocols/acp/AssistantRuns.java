package io.github.agentprotocols.acp;

import java.util.Collection;

import reactor.core.publisher.Mono;

/**
 * Starts and cancels assistant runs (spec §6); REST and Socket.IO call it after their
 * gates.
 */
public interface AssistantRuns {

	/**
	 * Whether a handler is registered under this assistant id (§4.10: else 404 "assistant
	 * not registered: <id>").
	 */
	boolean isRegistered(String assistantId);

	/**
	 * §6.1: store.invoke, then emit run:updated (pending) for created runs and hand them
	 * to the executor.
	 */
	Mono<Invocation> invoke(String threadId, InvocationRequest request);

	/** §6.6: request cancellation of the run; a no-op on a terminal run. */
	Mono<Void> cancel(Run run);

	/**
	 * Runs aborted by a thread deletion (ThreadDeletion.abortedRuns): stop them silently.
	 */
	void abandon(Collection<Run> runs);

}
