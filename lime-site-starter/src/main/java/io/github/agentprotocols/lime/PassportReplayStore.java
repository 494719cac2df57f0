package io.github.agentprotocols.lime;

import java.time.Instant;

/**
 * Remembers the passports already accepted, so that each one logs in once only. Keys name
 * the passport's audience and its {@code request_id}, {@code binding_id} or {@code jti};
 * they need to be remembered until the passport could no longer verify anyway. Share one
 * store between the instances of a site.
 */
@FunctionalInterface
public interface PassportReplayStore {

	/**
	 * Mark a passport used unless it already was, atomically.
	 * @param key the passport's key
	 * @param until when the mark may be forgotten (the passport's expiry plus leeway)
	 * @return {@code true} if the key was not marked before, {@code false} for a replay
	 */
	boolean markUsed(String key, Instant until);

}
