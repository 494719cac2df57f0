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

package io.github.agentprotocols.appcontrol.docs;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/how-to/expose-app-control-commands-from-a-spring-application.md
 * that gives a Spring Boot application its {@link AppControlClient}: the desktop tool the
 * service host runs commands on.
 */
// tag::client-bean[]
@Configuration(proxyBeanMethods = false)
class DesktopToolConfiguration {

	@Bean
	AppControlClient desktopTool() {
		// your desktop-control code; tool failures are observations, not exceptions
		return (command, observer) -> ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
				"Done: " + command.operation(), command.input());
	}

}
// end::client-bean[]
