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

package io.github.agentprotocols.happy.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A key file written by the Happy CLI ({@code access.key}, with {@code secret} or
 * {@code encryption.machineKey}) or by happy-agent ({@code agent.key}, with
 * {@code secret}), read as the CLI reads it: a non-empty {@code secret} wins, else
 * {@code encryption.machineKey}. As ssh does with a private key, a file that its group or
 * others may read or write is refused where the file system has POSIX permissions (not on
 * Windows); there is no opt-out.
 *
 * @param token the bearer token
 * @param secret the 32-byte secret
 * @param kind what the secret is
 */
record HappyKeyFile(String token, byte[] secret, SecretKind kind) {

	/**
	 * Reads the file: the wire package's {@code HappyJson} is not used here, the wire
	 * package builds on this one.
	 */
	private static final JsonMapper mapper = JsonMapper.shared();

	/** The permissions that share the file beyond its owner. */
	private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

	static HappyKeyFile read(Path file) {
		Map<?, ?> json = parse(file);
		String token = (json.get("token") instanceof String value && !value.isBlank()) ? value.trim() : null;
		if (token == null) {
			throw new HappyAuthenticationException("Happy key file " + file + " has no token");
		}
		if (json.get("secret") instanceof String secret && !secret.isEmpty()) {
			return new HappyKeyFile(token, HappyCredentials.decodeSecret(secret, "The secret of " + file),
					SecretKind.MASTER_SECRET);
		}
		if (json.get("encryption") instanceof Map<?, ?> encryption) {
			if (encryption.get("machineKey") instanceof String machineKey && !machineKey.isEmpty()) {
				return new HappyKeyFile(token,
						HappyCredentials.decodeSecret(machineKey, "The encryption.machineKey of " + file),
						SecretKind.MACHINE_KEY);
			}
			throw new HappyAuthenticationException("Happy key file " + file + " has no encryption.machineKey");
		}
		throw new HappyAuthenticationException(
				"Happy key file " + file + " has neither a secret nor an encryption.machineKey");
	}

	private static Map<?, ?> parse(Path file) {
		@Nullable Object json;
		try {
			checkPermissions(file);
			json = mapper.readValue(Files.readAllBytes(file), Object.class);
		}
		catch (NoSuchFileException ex) {
			throw new HappyAuthenticationException("Happy key file " + file + " does not exist", ex);
		}
		catch (IOException ex) {
			throw new HappyAuthenticationException("Happy key file " + file + " cannot be read: " + ex.getMessage(),
					ex);
		}
		catch (JacksonException ex) {
			throw new HappyAuthenticationException("Happy key file " + file + " is not valid JSON", ex);
		}
		if (!(json instanceof Map<?, ?> map)) {
			throw new HappyAuthenticationException("Happy key file " + file + " is not a JSON object");
		}
		return map;
	}

	/**
	 * Refuses a file its group or others may read or write; the permissions are those of
	 * the file a symbolic link points to, as ssh reads them.
	 */
	private static void checkPermissions(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (!Collections.disjoint(permissions, SHARED)) {
			throw new HappyKeyFilePermissionsException(file, PosixFilePermissions.toString(permissions));
		}
	}

}
