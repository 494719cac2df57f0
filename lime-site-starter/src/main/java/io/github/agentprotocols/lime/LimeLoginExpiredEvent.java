package io.github.agentprotocols.lime;

/**
 * Published to the Spring application context when a login request expired unapproved,
 * for {@code @EventListener} methods; delivered like {@link LimeLoginApprovedEvent}.
 *
 * @param requestId the login request id
 */
public record LimeLoginExpiredEvent(String requestId) {

}
