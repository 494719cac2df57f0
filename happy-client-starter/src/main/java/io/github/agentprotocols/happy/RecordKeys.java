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

package io.github.agentprotocols.happy;

import java.nio.file.Path;
import java.util.Arrays;

import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import io.github.agentprotocols.happy.crypto.RecordKeyResolver;
import io.github.agentprotocols.happy.wire.MachineRecord;
import io.github.agentprotocols.happy.wire.SessionRecord;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the keys of session and machine records with the credentials' secret (spec
 * §3.5), and says when the credentials could not open the sessions a machine spawns.
 */
final class RecordKeys {

	private final byte[] secret;

	private final boolean sessionsFile;

	private final RecordKeyResolver resolver;

	RecordKeys(HappyCredentials credentials, @Nullable Path sessionsFile) {
		this.secret = credentials.secret();
		this.sessionsFile = sessionsFile != null;
		this.resolver = new RecordKeyResolver(this.secret, sessionsFile);
	}

	RecordKey session(SessionRecord record) {
		return this.resolver.resolve(record.id(), record.dataEncryptionKey(), record.metadata());
	}

	RecordKey machine(MachineRecord record) {
		return this.resolver.resolve(record.id(), record.dataEncryptionKey(), record.metadata());
	}

	/**
	 * Fail when the machine's key is the secret itself (a machine key, spec §3.5 step 3)
	 * and no {@code sessions.json} can give the keys of the sessions it spawns: a spawned
	 * session could then be neither prompted nor stopped (spec §8.11).
	 * @param machine the machine
	 * @throws HappyEncryptionException when the sessions it spawns cannot be opened
	 */
	void checkCanOpenSessionsOf(MachineRecord machine) {
		RecordKey key = machine(machine);
		if (!this.sessionsFile && key.variant() == EncryptionVariant.DATA_KEY
				&& Arrays.equals(key.key(), this.secret)) {
			throw new HappyEncryptionException("The configured secret is the machine key of " + machine.id()
					+ ": it opens that machine's record but not the sessions it spawns (only the account's master "
					+ "secret can, or the daemon's sessions.json on the same host)");
		}
	}

}
