package io.github.agentprotocols.samples.showcase.appcontrol;

import java.util.List;

/**
 * One operation of the {@link DemoDesktopClient}, as the app-control page offers it.
 *
 * @param operation the command's {@code operation}
 * @param title what it does, for people
 * @param arguments its {@code input} keys, in the order the page asks for them
 */
record DemoCommand(String operation, String title, List<Argument> arguments) {

	/**
	 * One {@code input} key of a demo command.
	 *
	 * @param name the key
	 * @param label its label on the page
	 * @param example the value the page suggests
	 */
	record Argument(String name, String label, String example) {

	}

}
