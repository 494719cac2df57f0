package io.github.agentprotocols.happy.wire;

/**
 * The body of {@code GET /v1/machines/{id}} (spec §4.10).
 *
 * @param machine the machine
 */
public record MachineEnvelope(MachineRecord machine) {

}
