package io.github.agentprotocols.appcontrol.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of the observation of a request a service host client sends;
 * implement it as a bean to replace {@link DefaultClientRequestObservationConvention}.
 */
public interface ClientRequestObservationConvention extends ObservationConvention<ClientRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ClientRequestObservationContext;
	}

}
