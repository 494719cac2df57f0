package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * An encrypted value and its version, as {@code update-session} and
 * {@code update-machine} carry them (spec §5.3).
 *
 * @param value the encrypted value (base64), or {@code null}
 * @param version its version
 */
public record VersionedValue(@Nullable String value, long version) {

}
