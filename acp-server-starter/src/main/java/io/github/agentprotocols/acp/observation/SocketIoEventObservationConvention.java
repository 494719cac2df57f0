package io.github.agentprotocols.acp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Socket.IO event or namespace connect.
 */
public interface SocketIoEventObservationConvention extends ObservationConvention<SocketIoEventObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SocketIoEventObservationContext;
	}

}
