package io.github.agentprotocols.happy;

/**
 * Follows a task that {@code runTask} runs: told the id of the session once it is
 * spawned, then each message of the session, decrypted, as it is stored (the prompt, the
 * agent's output, the turn's start and end). Every message up to the completed turn is
 * delivered, each once, before {@code runTask} returns. Calls come from the client's
 * threads, one at a time.
 */
@FunctionalInterface
public interface TaskProgress {

	/**
	 * A message of the task's session.
	 * @param message the message, decrypted
	 */
	void message(Message message);

	/**
	 * The task's session was spawned; its messages follow.
	 * @param sessionId the session's id
	 */
	default void spawned(String sessionId) {
	}

}
