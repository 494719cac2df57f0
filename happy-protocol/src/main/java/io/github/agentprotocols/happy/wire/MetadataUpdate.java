package io.github.agentprotocols.happy.wire;

/**
 * The payload of the {@code update-metadata} event (spec §5.4): the whole new document.
 *
 * @param sid the session id
 * @param metadata the encrypted metadata (base64)
 * @param expectedVersion the version the write is based on
 */
public record MetadataUpdate(String sid, String metadata, long expectedVersion) {

}
