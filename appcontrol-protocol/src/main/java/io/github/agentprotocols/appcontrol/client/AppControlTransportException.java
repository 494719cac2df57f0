package io.github.agentprotocols.appcontrol.client;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.ToolError;
import org.jspecify.annotations.Nullable;

/**
 * The tool could not be reached or answered with something that is not a valid reply.
 * Tool-level failures are observations, never this exception.
 */
public class AppControlTransportException extends AppControlException {

	private final @Nullable ToolError error;

	public AppControlTransportException(String message) {
		super(message);
		this.error = null;
	}

	public AppControlTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
		this.error = null;
	}

	public AppControlTransportException(String message, ToolError error) {
		super(message);
		this.error = error;
	}

	/**
	 * The error the remote side reported, if it reported one.
	 * @return the error, or null
	 */
	public @Nullable ToolError getError() {
		return this.error;
	}

}
