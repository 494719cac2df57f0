package io.github.agentprotocols.commons;

import org.springframework.context.SmartLifecycle;

/**
 * The {@link SmartLifecycle} phases the starters' background work runs in.
 */
public final class LifecyclePhases {

	/**
	 * Background work that serves requests (paced deliveries, relays between instances,
	 * broadcasts): it stops after the web server has stopped taking requests
	 * ({@code DEFAULT_PHASE - 2048}) and before the connection factories it uses stop
	 * (phase 0), and starts in the reverse order.
	 */
	public static final int BACKGROUND_WORK = SmartLifecycle.DEFAULT_PHASE - 4096;

	private LifecyclePhases() {
	}

}
