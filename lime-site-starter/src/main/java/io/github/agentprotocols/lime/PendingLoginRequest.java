package io.github.agentprotocols.lime;

import java.time.Instant;

/**
 * A login request the site created and whose outcome has not arrived on the event stream
 * yet, as a {@link PendingLoginRequests} store holds it.
 *
 * @param requestId the login request id
 * @param expiresAt when LIME expires the request unless approved
 */
public record PendingLoginRequest(String requestId, Instant expiresAt) {

}
