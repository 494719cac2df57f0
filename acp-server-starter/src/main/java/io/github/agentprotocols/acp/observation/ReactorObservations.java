package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Reads and writes the current observation in a Reactor context, under the key
 * Micrometer's context propagation and Spring WebFlux use, without relying on automatic
 * context propagation.
 */
public final class ReactorObservations {

	private ReactorObservations() {
	}

	/**
	 * The observation current in a Reactor context.
	 * @param context the context
	 * @return the observation, or {@code null}
	 */
	public static @Nullable Observation current(ContextView context) {
		return context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
	}

	/**
	 * Makes an observation current in a Reactor context.
	 * @param context the context
	 * @param observation the observation
	 * @return the context with the observation
	 */
	public static Context with(Context context, Observation observation) {
		return context.put(ObservationThreadLocalAccessor.KEY, observation);
	}

}
