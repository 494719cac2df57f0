package io.github.agentprotocols.happy;

/**
 * A prompt this client stored: where a wait for its turn starts.
 *
 * @param seq the stored message's seq
 * @param agentStateVersion the session's agent state version read just before sending: an
 * idle state written later may end the turn
 */
record SentPrompt(long seq, long agentStateVersion) {

}
