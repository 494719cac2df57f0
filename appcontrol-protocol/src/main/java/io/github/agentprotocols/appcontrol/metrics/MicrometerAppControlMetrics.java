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

package io.github.agentprotocols.appcontrol.metrics;

import java.time.Duration;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * An {@link AppControlMetrics} that records in Micrometer: the timer
 * {@code appcontrol.service.commands} (tags {@code action} = run, submit or stream and
 * {@code status} = the observation's status, such as ok, failed or timeout) and the
 * counter {@code appcontrol.service.rejections} (tags {@code transport} = http or
 * unix_socket and {@code reason} = the refusal's failure kind).
 */
public class MicrometerAppControlMetrics implements AppControlMetrics {

	/** Name of the timer of the commands the service host runs. */
	public static final String COMMANDS = "appcontrol.service.commands";

	/** Name of the counter of the requests the service host refuses. */
	public static final String REJECTIONS = "appcontrol.service.rejections";

	private final MeterRegistry registry;

	/**
	 * Records in a registry.
	 * @param registry the registry
	 */
	public MicrometerAppControlMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void commandCompleted(ServiceAction action, ToolObservation observation, Duration duration) {
		Timer.builder(COMMANDS)
			.tag("action", action.wireValue())
			.tag("status", observation.status().wireValue())
			.description("Commands the app-control service host ran, by action and final status")
			.register(this.registry)
			.record(duration);
	}

	@Override
	public void requestRejected(String transport, String failureKind) {
		Counter.builder(REJECTIONS)
			.tag("transport", transport)
			.tag("reason", failureKind)
			.description("Requests the app-control service host refused, by transport and failure kind")
			.register(this.registry)
			.increment();
	}

}
