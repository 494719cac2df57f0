package io.github.agentprotocols.lime;

import java.time.Instant;

/**
 * A login request just created at LIME: its id goes to the agent worker, its approval or
 * expiry arrives on the site's event stream.
 *
 * @param requestId the login request id ({@code login_request_id}), opaque
 * @param status the request status, {@code PENDING} when created
 * @param expiresAt when the request expires unless approved
 */
public record LoginRequest(String requestId, String status, Instant expiresAt) {

}
