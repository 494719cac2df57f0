package io.github.agentprotocols.appcontrol.unix;

import java.nio.file.Path;

/**
 * Socket paths as the Python peers read them: a leading {@code ~} or {@code ~/} is the
 * user's home directory (Python's {@code Path.expanduser()}).
 */
public final class SocketPaths {

	private SocketPaths() {
	}

	/**
	 * The path named by a configuration value.
	 * @param value the value, such as {@code ~/Library/app-control/helper.sock}
	 * @return the path, with {@code ~} expanded
	 */
	public static Path of(String value) {
		if (value.equals("~") || value.startsWith("~/")) {
			return Path.of(System.getProperty("user.home") + value.substring(1));
		}
		return Path.of(value);
	}

}
