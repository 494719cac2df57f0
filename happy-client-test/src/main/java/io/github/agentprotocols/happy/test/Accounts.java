package io.github.agentprotocols.happy.test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The accounts, keyed by their Ed25519 public key in lowercase hex (spec §2.2), each with
 * its counter of update sequence numbers.
 */
final class Accounts {

	private final Clock clock;

	private final Ids ids;

	private final Map<String, String> idsByPublicKey = new HashMap<>();

	private final Map<String, Long> updateSeqs = new HashMap<>();

	Accounts(Clock clock, Ids ids) {
		this.clock = clock;
		this.ids = ids;
	}

	/**
	 * The account of a public key, created on first use.
	 * @param publicKeyHex the key in lowercase hex
	 * @return the account id
	 */
	synchronized String upsert(String publicKeyHex) {
		return this.idsByPublicKey.computeIfAbsent(publicKeyHex, (key) -> {
			String id = this.ids.cuid(this.clock.millis());
			this.updateSeqs.put(id, 0L);
			return id;
		});
	}

	synchronized boolean exists(String accountId) {
		return this.updateSeqs.containsKey(accountId);
	}

	synchronized @Nullable String idOf(String publicKeyHex) {
		return this.idsByPublicKey.get(publicKeyHex);
	}

	/**
	 * The next update sequence number of an account, starting at 1.
	 * @param accountId the account id
	 * @return the number
	 */
	synchronized long nextUpdateSeq(String accountId) {
		return this.updateSeqs.merge(accountId, 1L, Long::sum);
	}

}
