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
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Key files that their group or others may read or write are refused, as ssh refuses such
 * a private key: given as a path or found in the Happy home directory, naming the file,
 * its permissions and the fix; files without POSIX permissions are read.
 */
class HappyKeyFilePermissionsTests {

	private static final String URL = "https://happy.example.com";

	private static final String KEY_FILE = "{\"token\":\"eyJ.t\",\"secret\":\""
			+ Base64.getEncoder().encodeToString(new byte[32]) + "\"}";

	@TempDir
	Path home;

	@BeforeEach
	void posixFileSystem() {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
				"a file system with POSIX permissions");
	}

	@Test
	void keyFileThatGroupOrOthersMayReadOrWriteIsRefusedNamingTheFix() throws IOException {
		for (String permissions : List.of("rw-r-----", "rw--w----", "rw----r--", "rw-----w-", "rw-r--r--",
				"r--r-----")) {
			Path file = write(this.home.resolve("agent.key"), permissions);
			assertThatExceptionOfType(HappyKeyFilePermissionsException.class)
				.isThrownBy(() -> HappyCredentials.fromKeyFile(URL, file))
				.withMessage("Happy key file " + file + " is readable or writable by group or others (" + permissions
						+ "); it holds the account's token and secret, so only its owner may have access: run "
						+ "chmod 600 " + file)
				.satisfies((ex) -> {
					assertThat(ex.getKeyFile()).isEqualTo(file.toString());
					assertThat(ex.getPermissions()).isEqualTo(permissions);
				});
		}
	}

	@Test
	void keyFileOnlyItsOwnerMayUseIsRead() throws IOException {
		for (String permissions : List.of("rw-------", "r--------", "rwx-----x")) {
			Path file = write(this.home.resolve("agent.key"), permissions);
			assertThat(HappyCredentials.fromKeyFile(URL, file).token()).as(permissions).isEqualTo("eyJ.t");
		}
	}

	@Test
	void defaultKeyFilesOfTheHomeDirectoryAreCheckedToo() throws IOException {
		Path happy = this.home.resolve(".happy");
		Files.createDirectories(happy);
		for (String name : List.of("agent.key", "access.key")) {
			Path file = write(happy.resolve(name), "rw-r--r--");
			assertThatExceptionOfType(HappyKeyFilePermissionsException.class)
				.isThrownBy(() -> HappyCredentials.lookup().environment(Map.of()).userHome(this.home).find())
				.withMessageContaining(file.toString());
			Files.delete(file);
		}
	}

	@Test
	void fixQuotesAPathTheShellWouldSplit() throws IOException {
		Path file = write(this.home.resolve("my agent's.key"), "rw-rw-rw-");
		assertThatExceptionOfType(HappyKeyFilePermissionsException.class)
			.isThrownBy(() -> HappyCredentials.fromKeyFile(URL, file))
			.satisfies((ex) -> assertThat(ex.getFix())
				.isEqualTo("chmod 600 '" + file.toString().replace("'", "'\\''") + "'"));
	}

	@Test
	void keyFileOnAFileSystemWithoutPosixPermissionsIsRead() throws IOException {
		Path zip = this.home.resolve("keys.zip");
		try (FileSystem keys = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
			Path file = Files.writeString(keys.getPath("agent.key"), KEY_FILE);
			assertThat(keys.supportedFileAttributeViews()).doesNotContain("posix");
			assertThat(HappyCredentials.fromKeyFile(URL, file).token()).isEqualTo("eyJ.t");
		}
	}

	/**
	 * Restricts a file to its owner where the file system has POSIX permissions.
	 * @param file the file
	 * @return the file
	 * @throws IOException if the permissions cannot be set
	 */
	static Path ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		return file;
	}

	private static Path write(Path file, String permissions) throws IOException {
		Files.writeString(file, KEY_FILE);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		return file;
	}

}
