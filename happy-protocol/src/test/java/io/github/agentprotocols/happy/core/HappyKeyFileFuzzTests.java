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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays whoever wrote the key file the client reads ({@code access.key} of the Happy CLI,
 * {@code agent.key} of happy-agent): any bytes, owner-only, read by
 * {@link HappyCredentials#fromKeyFile}. Asserts credentials with a token and a 32-byte
 * secret, or a {@link HappyAuthenticationException}; never another exception.
 */
class HappyKeyFileFuzzTests {

	private static Path folder;

	@BeforeAll
	static void createFolder() throws IOException {
		folder = Files.createTempDirectory("happy-key-file-fuzz",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
	}

	@AfterAll
	static void deleteFolder() throws IOException {
		Files.deleteIfExists(folder.resolve("access.key"));
		Files.deleteIfExists(folder);
	}

	/**
	 * A key file's contents.
	 * @param contents the file's bytes
	 */
	@FuzzTest(maxDuration = "2m")
	void keyFile(byte[] contents) {
		Path file = write(contents);
		try {
			HappyCredentials credentials = HappyCredentials.fromKeyFile(null, file);
			assertThat(credentials.token()).isNotBlank();
			assertThat(credentials.secret()).hasSize(32);
			assertThat(credentials.secretKind()).isIn(SecretKind.MASTER_SECRET, SecretKind.MACHINE_KEY);
		}
		catch (HappyAuthenticationException ex) {
			// refused as documented
			assertThat(ex).hasMessageContaining(file.toString());
		}
	}

	private static Path write(byte[] contents) {
		Path file = folder.resolve("access.key");
		try {
			Files.write(file, contents);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
