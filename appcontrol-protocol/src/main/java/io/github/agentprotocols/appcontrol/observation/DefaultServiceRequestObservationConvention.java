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

package io.github.agentprotocols.appcontrol.observation;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.observation.AppControlObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ServiceRequestObservationConvention}: the observation
 * {@value #NAME}, named {@code appcontrol service <action>} in traces.
 */
public class DefaultServiceRequestObservationConvention implements ServiceRequestObservationConvention {

	/** The observation's name. */
	public static final String NAME = "appcontrol.service.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ServiceRequestObservationContext context) {
		return "appcontrol service " + action(context.getRequest());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServiceRequestObservationContext context) {
		ServiceResponse response = context.getResponse();
		return KeyValues.of(LowCardinalityKeyNames.TRANSPORT.withValue(context.getTransport()),
				LowCardinalityKeyNames.ACTION.withValue(action(context.getRequest())),
				LowCardinalityKeyNames.RESPONSE_STATUS
					.withValue(CommandKeyValues.wire((response != null) ? response.status() : null)),
				LowCardinalityKeyNames.FAILURE_KIND.withValue((response != null && response.error() != null)
						? response.error().failureKind() : CommandKeyValues.NONE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServiceRequestObservationContext context) {
		ServiceRequest request = context.getRequest();
		ServiceResponse response = context.getResponse();
		String requestId = (response != null && response.requestId() != null) ? response.requestId()
				: (request != null) ? request.requestId() : null;
		return CommandKeyValues.of(requestId, (request != null) ? request.command() : null);
	}

	private static String action(ServiceRequest request) {
		return (request != null) ? request.action().wireValue() : "unknown";
	}

}
