package io.github.agentprotocols.happy.wire;

/**
 * The payload of the {@code rpc-call} event (spec §5.4, §6.1).
 *
 * @param method {@code <scope>:<name>}
 * @param params the encrypted parameters (base64)
 */
public record RpcCall(String method, String params) {

}
