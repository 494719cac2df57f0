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

package io.github.agentprotocols.happy.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.wire.HappyJson;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the key of a session or machine record from the configured secret, and caches
 * it per record id (a record's key never changes):
 * <ol>
 * <li>no {@code dataEncryptionKey}: the secret itself, scheme {@code legacy};</li>
 * <li>a wrapped data key that opens with the content key pair derived from the secret (a
 * master secret): that data key, scheme {@code dataKey};</li>
 * <li>otherwise the secret itself with scheme {@code dataKey}, which is how a daemon
 * holding a machine key encrypts its own machine record;</li>
 * <li>otherwise, when a daemon's {@code sessions.json} is configured, the key it recorded
 * for the session.</li>
 * </ol>
 * Every candidate but an opened data key is accepted only if it decrypts the record's
 * metadata.
 */
public final class RecordKeyResolver {

	private final byte[] secret;

	private final ContentKeyPair contentKeyPair;

	private final @Nullable Path sessionsFile;

	private final Map<String, RecordKey> keys = new ConcurrentHashMap<>();

	/**
	 * Creates a resolver without the same-host fallback.
	 * @param secret the configured 32-byte secret (master secret or machine key)
	 */
	public RecordKeyResolver(byte[] secret) {
		this(secret, null);
	}

	/**
	 * Creates a resolver.
	 * @param secret the configured 32-byte secret (master secret or machine key)
	 * @param sessionsFile the daemon's {@code sessions.json} to fall back on, if any
	 */
	public RecordKeyResolver(byte[] secret, @Nullable Path sessionsFile) {
		this.secret = secret.clone();
		this.contentKeyPair = ContentKeyPair.fromMasterSecret(this.secret);
		this.sessionsFile = sessionsFile;
	}

	/**
	 * Resolves the key of a record, from the cache when it was resolved before.
	 * @param recordId the session or machine id
	 * @param dataEncryptionKey the record's base64 {@code dataEncryptionKey}, if any
	 * @param metadata the record's base64 encrypted metadata, used to verify a candidate
	 * @return the record's key
	 * @throws HappyEncryptionException if the wrapped key has a bad version byte or no
	 * candidate decrypts the record
	 */
	public RecordKey resolve(String recordId, @Nullable String dataEncryptionKey, String metadata) {
		RecordKey key = this.keys.get(recordId);
		if (key == null) {
			key = this.keys.computeIfAbsent(recordId, (id) -> compute(id, dataEncryptionKey, metadata));
		}
		return key;
	}

	private RecordKey compute(String recordId, @Nullable String dataEncryptionKey, String metadata) {
		RecordKey candidate;
		if (dataEncryptionKey == null || dataEncryptionKey.isEmpty()) {
			candidate = new RecordKey(this.secret, EncryptionVariant.LEGACY);
		}
		else {
			RecordKey unwrapped = unwrap(RecordKey.decodeBase64(dataEncryptionKey));
			if (unwrapped != null) {
				return unwrapped;
			}
			candidate = new RecordKey(this.secret, EncryptionVariant.DATA_KEY);
		}
		if (decrypts(candidate, metadata)) {
			return candidate;
		}
		RecordKey recorded = fromSessionsFile(recordId);
		if (recorded != null && decrypts(recorded, metadata)) {
			return recorded;
		}
		throw unresolvable(recordId, dataEncryptionKey != null && !dataEncryptionKey.isEmpty());
	}

	private @Nullable RecordKey unwrap(byte[] wrapped) {
		DataEncryptionKey.checkVersion(wrapped);
		try {
			byte[] dataKey = DataEncryptionKey.open(wrapped, this.contentKeyPair);
			return (dataKey.length == 32) ? new RecordKey(dataKey, EncryptionVariant.DATA_KEY) : null;
		}
		catch (HappyEncryptionException ex) {
			return null;
		}
	}

	private static boolean decrypts(RecordKey candidate, String metadata) {
		try {
			candidate.decrypt(RecordKey.decodeBase64(metadata));
			return true;
		}
		catch (HappyEncryptionException ex) {
			return false;
		}
	}

	private @Nullable RecordKey fromSessionsFile(String sessionId) {
		if (this.sessionsFile == null || !Files.isRegularFile(this.sessionsFile)) {
			return null;
		}
		try {
			Object document = HappyJson.readValue(Files.readAllBytes(this.sessionsFile));
			Object session = member(member(document, "sessions"), sessionId);
			if (member(session, "encryptionKey") instanceof String key
					&& member(session, "encryptionVariant") instanceof String variant) {
				return new RecordKey(Base64.getDecoder().decode(key), EncryptionVariant.fromWireValue(variant));
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Object member(@Nullable Object object, String name) {
		return (object instanceof Map<?, ?> map) ? map.get(name) : null;
	}

	private HappyEncryptionException unresolvable(String recordId, boolean wrapped) {
		StringBuilder message = new StringBuilder("Cannot resolve the encryption key of record ").append(recordId)
			.append(": ");
		message.append(wrapped
				? "its data key is wrapped to the account content key, which only the account master secret opens, "
						+ "and the configured secret does not decrypt the record directly either. "
				: "it is encrypted with the account master secret, and the configured secret does not decrypt it. ");
		message.append("A machine key (access.key with encryption.machineKey) decrypts only its own machine's record, "
				+ "never a session or another machine; use master-secret credentials "
				+ "(agent.key, or an access.key holding \"secret\")");
		if (this.sessionsFile != null) {
			message.append("; ").append(this.sessionsFile).append(" holds no key for it either");
		}
		return new HappyEncryptionException(message.append('.').toString());
	}

}
