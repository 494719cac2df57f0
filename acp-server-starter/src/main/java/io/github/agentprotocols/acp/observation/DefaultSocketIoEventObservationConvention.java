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

package io.github.agentprotocols.acp.observation;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.acp.observation.AcpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link SocketIoEventObservationConvention}: {@code acp.socketio.event}, its
 * span named {@code acp.socketio <event>}.
 */
public class DefaultSocketIoEventObservationConvention implements SocketIoEventObservationConvention {

	/** The shared instance. */
	public static final DefaultSocketIoEventObservationConvention INSTANCE = new DefaultSocketIoEventObservationConvention();

	@Override
	public String getName() {
		return "acp.socketio.event";
	}

	@Override
	public String getContextualName(SocketIoEventObservationContext context) {
		return "acp.socketio " + context.getEvent();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SocketIoEventObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.SOCKETIO_EVENT.withValue(context.getEvent()),
				LowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SocketIoEventObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.NAMESPACE.withValue(context.getNamespace()))
			.and(Ids.of(HighCardinalityKeyNames.THREAD_ID, context.getThreadId()))
			.and(Ids.of(HighCardinalityKeyNames.RUN_ID, context.getRunId()));
	}

}
