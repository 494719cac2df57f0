package io.github.agentprotocols.happy.wire;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of {@code GET /v2/sessions} (spec §4.3).
 *
 * @param sessions the sessions, by id descending
 * @param nextCursor the cursor of the next page, passed back verbatim, or {@code null}
 * @param hasNext whether another page exists
 */
public record SessionPage(List<SessionRecord> sessions, @Nullable String nextCursor, boolean hasNext) {

}
