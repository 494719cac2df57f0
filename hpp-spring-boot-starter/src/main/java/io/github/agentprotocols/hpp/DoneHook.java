package io.github.agentprotocols.hpp;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;

/**
 * Called once per action request after the batch was applied and its {@code done} event
 * queued, also for empty batches. Exceptions are logged and otherwise ignored. Declare
 * beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface DoneHook {

	/**
	 * Observes the outcome of an action batch.
	 * @param session a copy of the session after the batch
	 * @param applied keys applied, in order
	 * @param rejected keys rejected, in order
	 * @param errors the error entries of the response
	 */
	void onDone(HandshakeSession session, List<String> applied, List<String> rejected, ArrayNode errors);

}
