package io.github.agentprotocols.appcontrol.docs;

import java.util.Map;
import java.util.UUID;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.logging.LoggingToolObserver;

import org.springframework.stereotype.Component;

/**
 * The example of docs/appcontrol.md that runs commands on the application's
 * {@link AppControlClient} with the starter's logging observer.
 */
// tag::inject[]
@Component
class DesktopCommands {

	private final AppControlClient client;

	private final LoggingToolObserver observer;

	DesktopCommands(AppControlClient client, LoggingToolObserver observer) {
		this.client = client;
		this.observer = observer;
	}

	ToolObservation openApp(String app) {
		ToolCommand command = new ToolCommand("cmd_" + UUID.randomUUID(), "macos.computer_use", "open_app",
				Map.of("app", app), 10_000);
		return this.client.runCommand(command, this.observer);
	}

}
// end::inject[]
