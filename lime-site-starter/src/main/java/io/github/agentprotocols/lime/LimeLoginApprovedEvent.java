package io.github.agentprotocols.lime;

/**
 * Published to the Spring application context when an agent approved a login request: the
 * event of the LIME stream for {@code @EventListener} methods, delivered after the
 * {@link LimeLoginHandler} beans and under the same rules (off the stream's reader
 * thread, in order per request id, within the handler timeout). The passport is
 * unverified: verify it with
 * {@link io.github.agentprotocols.lime.site.LimeSite#verifyPassport(String, String)} and
 * the request id before trusting it.
 *
 * @param requestId the login request id
 * @param passportJwt the agent passport JWT, as received
 */
public record LimeLoginApprovedEvent(String requestId, String passportJwt) {

}
