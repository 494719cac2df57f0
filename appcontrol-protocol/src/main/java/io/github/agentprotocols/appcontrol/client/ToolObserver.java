package io.github.agentprotocols.appcontrol.client;

import io.github.agentprotocols.appcontrol.ToolEvent;

/**
 * Receives the events of a running command, in order. An observer that throws is logged
 * and ignored; it never aborts the command.
 */
@FunctionalInterface
public interface ToolObserver {

	/**
	 * Called once per event, before an event stream yields it.
	 * @param event the event
	 */
	void onEvent(ToolEvent event);

}
