package io.github.agentprotocols.hpp.observation;

import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.HandshakeLowCardinalityKeyNames;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.HighCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;

/**
 * The default {@link HandshakeObservationConvention} of one operation: its documented
 * name, {@code outcome} and {@code hpp.transport} as low-cardinality keys and
 * {@code hpp.session.id} as high-cardinality key. Extend it to change the keys of one
 * operation while keeping its name.
 */
public class DefaultHandshakeObservationConvention implements HandshakeObservationConvention {

	private final HppObservationDocumentation operation;

	/**
	 * Creates the convention of an operation.
	 * @param operation the operation, one whose default convention is this class
	 */
	public DefaultHandshakeObservationConvention(HppObservationDocumentation operation) {
		this.operation = operation;
	}

	@Override
	public String getName() {
		return this.operation.getName();
	}

	@Override
	public String getContextualName(HandshakeObservationContext context) {
		return this.operation.getName().replace('.', ' ');
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof HandshakeObservationContext handshake && handshake.getOperation() == this.operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(HandshakeObservationContext context) {
		return KeyValues.of(HandshakeLowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()),
				HandshakeLowCardinalityKeyNames.TRANSPORT.withValue(context.getTransport()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(HandshakeObservationContext context) {
		String sessionId = context.getSessionId();
		return (sessionId != null) ? KeyValues.of(HighCardinalityKeyNames.SESSION_ID.withValue(sessionId))
				: KeyValues.empty();
	}

}
