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

package io.github.agentprotocols.samples.showcase.appcontrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.client.StreamingAppControlClient;
import io.github.agentprotocols.appcontrol.client.ToolEvents;
import io.github.agentprotocols.samples.showcase.appcontrol.DemoCommand.Argument;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link StreamingAppControlClient} that pretends to control a desktop, touching
 * nothing: the {@code demo.desktop} tool knows a few apps and the operations of
 * {@link #COMMANDS}, reports each step of a command as a {@code progress} event, one
 * every {@code eventInterval} so that a page can show them arrive, and ends with the
 * observation a real controller would make. An unknown app is a {@code not_found}
 * observation, a missing argument or an unknown operation a {@code failed} one.
 */
public class DemoDesktopClient implements StreamingAppControlClient {

	/** The tool this client answers for. */
	public static final String TOOL = "demo.desktop";

	static final List<String> APPS = List.of("TextEdit", "Calculator", "Notes", "Safari");

	private static final Argument APP = new Argument("app", "App", "TextEdit");

	static final List<DemoCommand> COMMANDS = List.of(
			new DemoCommand("open_app", "Open an app and bring its window to the front", List.of(APP)),
			new DemoCommand("type_text", "Type text into the app's focused field",
					List.of(APP, new Argument("text", "Text", "Hello from app-control"))),
			new DemoCommand("screenshot", "Take a screenshot of the app's window and describe it", List.of(APP)));

	private final Duration eventInterval;

	/**
	 * A client.
	 * @param eventInterval the pause before each event after {@code started}
	 */
	public DemoDesktopClient(Duration eventInterval) {
		this.eventInterval = eventInterval;
	}

	@Override
	public Flux<ToolEvent> runStream(ToolCommand command) {
		return Flux.defer(() -> Flux.fromIterable(script(command)))
			.concatMap((event) -> (event.seq() == 0) ? Mono.just(event)
					: Mono.delay(this.eventInterval).thenReturn(event));
	}

	private List<ToolEvent> script(ToolCommand command) {
		Steps steps = new Steps(command);
		if (!TOOL.equals(command.tool())) {
			return steps.end(steps.failure(ToolStatus.FAILED, "unsupported_tool",
					"the demo client only runs " + TOOL + " commands, not " + command.tool(), null));
		}
		return steps.end(switch (command.operation()) {
			case "open_app" -> openApp(steps);
			case "type_text" -> typeText(steps);
			case "screenshot" -> screenshot(steps);
			default -> steps.failure(ToolStatus.FAILED, "unsupported_operation",
					TOOL + " has no operation " + command.operation(),
					"Use one of " + COMMANDS.stream().map(DemoCommand::operation).toList());
		});
	}

	private ToolObservation openApp(Steps steps) {
		String app = steps.input(APP.name());
		if (app == null) {
			return steps.missing(APP.name());
		}
		steps.progress("lookup", "Looking up " + app);
		if (!APPS.contains(app)) {
			return steps.failure(ToolStatus.NOT_FOUND, "app_not_found", app + " is not installed",
					"Open one of " + String.join(", ", APPS));
		}
		steps.progress("launch", "Launching " + app);
		steps.progress("focus", "The " + app + " window is in front");
		return steps.ok(app + " is open and in front", Map.of("app", app, "window", "Untitled", "frontmost", true));
	}

	private ToolObservation typeText(Steps steps) {
		String app = steps.input(APP.name());
		String text = steps.input("text");
		if (app == null || text == null) {
			return steps.missing((app == null) ? APP.name() : "text");
		}
		steps.progress("focus", "Focusing the text field in " + app);
		int half = text.length() / 2;
		if (half > 0) {
			steps.progress("type", "Typed " + half + " of " + text.length() + " characters");
		}
		steps.progress("type", "Typed " + text.length() + " of " + text.length() + " characters");
		return steps.ok("Typed " + text.length() + " characters into " + app,
				Map.of("app", app, "typedCharacters", text.length()));
	}

	private ToolObservation screenshot(Steps steps) {
		String app = steps.input(APP.name());
		if (app == null) {
			return steps.missing(APP.name());
		}
		steps.progress("capture", "Capturing the " + app + " window");
		steps.progress("describe", "Describing the capture");
		return steps.ok("Took a 1280×800 screenshot of " + app, Map.of("app", app, "width", 1280, "height", 800,
				"description", "A " + app + " window titled Untitled, in front of an empty desktop"));
	}

	/**
	 * The events of one command as its script runs: {@code started}, the steps, then the
	 * observation.
	 */
	private static final class Steps {

		private final ToolCommand command;

		private final List<ToolEvent> events = new ArrayList<>();

		Steps(ToolCommand command) {
			this.command = command;
			this.events.add(new ToolEvent(command.commandId(), 0, ToolEventType.STARTED, command.operation(), null,
					"Started " + command.operation(), null));
		}

		@Nullable String input(String name) {
			Object value = this.command.input().get(name);
			return (value instanceof String text && !text.isBlank()) ? text.strip() : null;
		}

		void progress(String phase, String summary) {
			this.events.add(new ToolEvent(this.command.commandId(), this.events.size(), ToolEventType.PROGRESS, phase,
					null, summary, null));
		}

		ToolObservation ok(String summary, Map<String, ?> observation) {
			return ToolObservation.ok(this.command.commandId(), this.command.tool(), this.command.operation(), summary,
					observation);
		}

		ToolObservation missing(String name) {
			return failure(ToolStatus.FAILED, "invalid_input", "input." + name + " is required",
					"Give " + name + " a value");
		}

		ToolObservation failure(ToolStatus status, String failureKind, String message, @Nullable String recoveryHint) {
			ToolError error = new ToolError(failureKind, message, false, recoveryHint, null, this.command.operation(),
					null);
			return ToolObservation.failure(this.command.commandId(), this.command.tool(), this.command.operation(),
					status, error);
		}

		List<ToolEvent> end(ToolObservation observation) {
			this.events.add(ToolEvents.observation(this.events.size(), observation));
			return this.events;
		}

	}

}
