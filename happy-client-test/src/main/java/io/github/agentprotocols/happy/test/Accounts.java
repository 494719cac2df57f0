/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
