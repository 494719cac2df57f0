package io.github.agentprotocols.hpp;

import java.util.List;

/**
 * The hooks an application declared, each list in {@code @Order}.
 *
 * @param createSession called before a new session is stored
 * @param action called per action before validation
 * @param done called after each action batch
 * @param extend called per extension
 * @param browserAuth gates user edits over HTTP
 */
public record Hooks(List<CreateSessionHook> createSession, List<ActionHook> action, List<DoneHook> done,
		List<ExtendHook> extend, List<BrowserAuth> browserAuth) {

	/**
	 * No hooks at all.
	 * @return empty hooks
	 */
	public static Hooks none() {
		return new Hooks(List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/**
	 * The message an exception thrown by a hook contributes to a response: its message,
	 * or its class's simple name when it has none.
	 * @param ex the exception
	 * @return the message
	 */
	static String messageOf(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
