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

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Thrown when a key file is readable or writable by its group or by others, on a file
 * system with POSIX permissions: it holds the account's token and secret, and is refused
 * as ssh refuses such a private key, naming the command that fixes it.
 */
public class HappyKeyFilePermissionsException extends HappyAuthenticationException {

	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./~+:@%=,-]+");

	/** The key file, as given. */
	private final String keyFile;

	/** The file's permissions, as {@code ls -l} shows them ({@code rw-r--r--}). */
	private final String permissions;

	/**
	 * Creates an exception for a key file.
	 * @param keyFile the key file
	 * @param permissions its permissions, as {@code ls -l} shows them
	 */
	public HappyKeyFilePermissionsException(Path keyFile, String permissions) {
		super("Happy key file " + keyFile + " is readable or writable by group or others (" + permissions
				+ "); it holds the account's token and secret, so only its owner may have access: run "
				+ fix(keyFile.toString()));
		this.keyFile = keyFile.toString();
		this.permissions = permissions;
	}

	/**
	 * Return the key file.
	 * @return the file's path, as given
	 */
	public String getKeyFile() {
		return this.keyFile;
	}

	/**
	 * Return the key file's permissions.
	 * @return the permissions, as {@code ls -l} shows them ({@code rw-r--r--})
	 */
	public String getPermissions() {
		return this.permissions;
	}

	/**
	 * Return the command that restricts the key file to its owner.
	 * @return {@code chmod 600} and the file, quoted for a POSIX shell when needed
	 */
	public String getFix() {
		return fix(this.keyFile);
	}

	private static String fix(String file) {
		return "chmod 600 " + (SHELL_SAFE.matcher(file).matches() ? file : "'" + file.replace("'", "'\\''") + "'");
	}

}
