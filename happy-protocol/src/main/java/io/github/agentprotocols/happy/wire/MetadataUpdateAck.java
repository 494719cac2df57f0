package io.github.agentprotocols.happy.wire;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of {@code update-metadata} (spec §5.4).
 *
 * @param result {@code success}, {@code version-mismatch} or {@code error}
 * @param version the new version on success, the current one on a mismatch
 * @param metadata what was written on success, the current metadata on a mismatch
 */
public record MetadataUpdateAck(@Nullable String result, @Nullable Long version, @Nullable String metadata) {

	/** The result of a write that was stored. */
	public static final String SUCCESS = "success";

	/** The result of a write based on a stale version. */
	public static final String VERSION_MISMATCH = "version-mismatch";

}
