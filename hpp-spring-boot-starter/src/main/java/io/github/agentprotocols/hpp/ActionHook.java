package io.github.agentprotocols.hpp;

import tools.jackson.databind.JsonNode;

/**
 * Called for each {@code set} action with a key, before schema validation. Returning
 * false rejects the action (its key is listed in {@code rejected}); throwing rejects it
 * and adds {@code {"key", "msg": <exception message>}} to {@code errors}. Either stops
 * later hooks for that action. Declare beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface ActionHook {

	/**
	 * Decides whether an action may be applied.
	 * @param session a copy of the session
	 * @param action the raw action object as the agent sent it
	 * @param request the action request
	 * @return false to veto the action
	 */
	boolean onAction(HandshakeSession session, JsonNode action, HandshakeRequest request);

}
