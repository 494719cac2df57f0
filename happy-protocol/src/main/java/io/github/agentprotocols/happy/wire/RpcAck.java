package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of an {@code rpc-call} (spec §6.1).
 *
 * @param ok whether the target answered
 * @param result the encrypted result (base64) when it did
 * @param error the server's error text otherwise
 */
public record RpcAck(boolean ok, @Nullable String result, @Nullable String error) {

}
