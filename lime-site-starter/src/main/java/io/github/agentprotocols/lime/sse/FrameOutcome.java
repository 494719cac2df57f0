package io.github.agentprotocols.lime.sse;

import io.github.agentprotocols.lime.LimeEvent;

/**
 * What one SSE payload holds for the dispatcher: an event for the handlers, or the reason
 * it is skipped and how loudly to log that.
 */
sealed interface FrameOutcome {

	/**
	 * An event to deliver.
	 *
	 * @param event the event
	 */
	record Deliver(LimeEvent event) implements FrameOutcome {
	}

	/**
	 * A payload that reaches no handler; the connection carries on.
	 *
	 * @param severity how loudly to log it
	 * @param reason why it is skipped
	 */
	record Skip(Severity severity, String reason) implements FrameOutcome {
	}

	/**
	 * How loudly a skipped payload is logged.
	 */
	enum Severity {

		/** Expected traffic: keepalives. */
		TRACE,

		/** Ignored by design: unknown types, frames without a request id. */
		DEBUG,

		/** A malformed frame. */
		WARN,

		/** An {@code error} frame sent by LIME. */
		ERROR

	}

}
