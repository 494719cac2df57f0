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

package io.github.agentprotocols.happy.observation;

import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RpcObservationConvention}: the observation {@code happy.rpc.call},
 * named {@code rpc <method>} in traces.
 */
public class DefaultRpcObservationConvention implements RpcObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.rpc.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RpcObservationContext context) {
		return "rpc " + context.getMethodName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getMethodName()),
				LowCardinalityKeyNames.OUTCOME.withValue(OutcomeObservationContext.outcomeOrUnknown(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RpcObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.RPC_SCOPE.withValue(context.getScope()));
	}

}
