/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
