package io.github.agentprotocols.appcontrol.docs;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/appcontrol.md that gives a Spring Boot application its
 * {@link AppControlClient}: the desktop tool the service host runs commands on.
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
