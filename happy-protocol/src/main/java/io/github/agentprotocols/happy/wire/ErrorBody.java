package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * An error answered by the server's REST API (spec §4): {@code error}, and for schema and
 * server errors a {@code message}.
 *
 * @param error the error text
 * @param message the detail, or {@code null}
 */
public record ErrorBody(@Nullable String error, @Nullable String message) {

	/**
	 * The most specific text of the error.
	 * @return the message when present, else the error
	 */
	public @Nullable String text() {
		return (this.message != null && !this.message.isBlank()) ? this.message : this.error;
	}

}
