package io.github.agentprotocols.acp;

import java.util.Objects;

/**
 * Why a run failed (spec §2.5, §6.5): the {@code error} of a failed run and of its
 * {@code run.failed} event.
 *
 * @param code the failure code, such as {@code handler_error} or {@code timeout}
 * @param message a description of the failure
 */
public record RunError(String code, String message) {

	public RunError {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
	}

}
