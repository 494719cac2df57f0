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

package io.github.agentprotocols.appcontrol.autoconfigure;

import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.HelperResponse;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceEventEnvelope;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.WireObject;
import io.github.agentprotocols.appcontrol.WireValue;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for app-control: the packaged JSON Schemas, read as
 * resources, and the wire types, whose Jackson creators and values an application's
 * mapper calls reflectively.
 */
class AppControlRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(ProtocolSchemas.LOCATION + "*.schema.json");
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), WireValue.class,
				WireObject.class, ToolCommand.class, ToolObservation.class, ToolEvent.class, ToolEventType.class,
				ToolError.class, ToolStatus.class, ServiceRequest.class, ServiceResponse.class,
				ServiceResponseStatus.class, ServiceEventEnvelope.class, ServiceAction.class, HelperRequest.class,
				HelperResponse.class);
	}

}
