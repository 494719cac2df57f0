package io.github.agentprotocols.happy.wire;

import java.util.List;

/**
 * The body of {@code GET /v1/sessions} and {@code GET /v2/sessions/active} (spec §4.2,
 * §4.4).
 *
 * @param sessions the sessions
 */
public record SessionList(List<SessionRecord> sessions) {

}
