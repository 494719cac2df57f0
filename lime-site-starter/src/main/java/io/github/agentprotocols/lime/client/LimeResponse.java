package io.github.agentprotocols.lime.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A response of the LIME API as received, before the envelope is read.
 *
 * @param status the HTTP status
 * @param retryAfter the wait asked for by a {@code Retry-After} header, if any
 * @param body the body as text, empty when there was none
 */
public record LimeResponse(int status, @Nullable Duration retryAfter, String body) {

}
