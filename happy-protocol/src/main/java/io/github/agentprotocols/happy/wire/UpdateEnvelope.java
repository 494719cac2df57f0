package io.github.agentprotocols.happy.wire;

/**
 * The container of an {@code update} event (spec §5.3).
 *
 * @param id a random id
 * @param seq the per-account update counter
 * @param body the update
 * @param createdAt creation time (ms)
 */
public record UpdateEnvelope(String id, long seq, Update body, long createdAt) {

}
