package io.github.agentprotocols.hpp;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a session's change log, as returned by the diff endpoint.
 *
 * @param key the field key
 * @param from the previous value (JSON null if the field had no entry)
 * @param to the new value
 * @param by the resulting owner of the field
 * @param at when the change was made
 */
public record Change(String key, JsonNode from, JsonNode to, FieldOwner by, Instant at) {

}
