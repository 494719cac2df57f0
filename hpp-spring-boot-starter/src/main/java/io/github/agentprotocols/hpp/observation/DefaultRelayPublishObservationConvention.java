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

import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.hpp.observation.HppObservationDocumentation.RelayLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link RelayPublishObservationConvention}: {@code hpp.relay.publish} with
 * {@code hpp.relay.message} and {@code hpp.session.id}.
 */
public class DefaultRelayPublishObservationConvention implements RelayPublishObservationConvention {

	@Override
	public String getName() {
		return HppObservationDocumentation.RELAY_PUBLISH.getName();
	}

	@Override
	public String getContextualName(RelayPublishContext context) {
		return "hpp relay publish " + context.getMessage();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RelayPublishContext context) {
		return KeyValues.of(RelayLowCardinalityKeyNames.MESSAGE.withValue(context.getMessage()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RelayPublishContext context) {
		return KeyValues.of(HighCardinalityKeyNames.SESSION_ID.withValue(context.getSessionId()));
	}

}
