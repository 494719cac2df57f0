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

package io.github.agentprotocols.appcontrol.actuate;

import java.util.List;

import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.SubmittedCommand;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code appcontrol} actuator endpoint: the service host's submitted commands,
 * running or kept for {@code poll} (never their input or output). Like Spring Boot's own
 * endpoints it is exposed only when the application says so
 * ({@code management.endpoints.web.exposure.include=appcontrol}) and secured as the
 * application secures its actuator.
 */
@Endpoint(id = "appcontrol")
public class AppControlEndpoint {

	private final AppControlServiceHost host;

	/**
	 * Creates the endpoint.
	 * @param host the service host
	 */
	public AppControlEndpoint(AppControlServiceHost host) {
		this.host = host;
	}

	/**
	 * The submitted commands.
	 * @return the commands, with how many requests the host handled
	 */
	@ReadOperation
	public SubmittedCommands submitted() {
		Object handled = this.host.statistics().get("requests");
		return new SubmittedCommands(((Number) handled).longValue(), this.host.submittedCommands());
	}

	/**
	 * The service host's submitted commands.
	 *
	 * @param requests the requests the host handled, every action counted
	 * @param commands the submitted commands it keeps
	 */
	public record SubmittedCommands(long requests, List<SubmittedCommand> commands) {
	}

}
