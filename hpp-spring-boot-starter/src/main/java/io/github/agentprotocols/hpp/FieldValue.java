package io.github.agentprotocols.hpp;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The current value of one form field with its owner and the time it was written.
 *
 * @param value the value, any JSON
 * @param by who wrote it
 * @param at when it was written
 */
public record FieldValue(JsonNode value, FieldOwner by, Instant at) {

}
