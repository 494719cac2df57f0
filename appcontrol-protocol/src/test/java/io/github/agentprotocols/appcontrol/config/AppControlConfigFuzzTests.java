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

package io.github.agentprotocols.appcontrol.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Plays whoever writes the configuration: an arbitrary {@code app-control.toml} file and
 * arbitrary values of the {@code APP_CONTROL_*} environment variables, given to
 * {@link AppControlConfigLoader#load}. Asserts that the loader either returns a
 * configuration or refuses with an {@link AppControlConfigException}; never another
 * exception.
 */
class AppControlConfigFuzzTests {

	private static Path directory;

	private static Path file;

	@BeforeAll
	static void createDirectory() throws IOException {
		directory = Files.createTempDirectory("appcontrol-config-fuzz");
		file = directory.resolve("app-control.toml");
	}

	@AfterAll
	static void removeDirectory() throws IOException {
		Files.deleteIfExists(file);
		Files.deleteIfExists(directory);
	}

	@FuzzTest(maxDuration = "2m")
	void tomlFile(byte[] toml) throws IOException {
		Files.write(file, toml);
		try {
			AppControlConfigLoader.load(file, Map.of());
		}
		catch (AppControlConfigException ex) {
			// refused as documented
		}
	}

	/**
	 * The environment as {@code NAME=value} lines; a line without {@code =} is a variable
	 * set to the empty string.
	 * @param block the lines
	 */
	@FuzzTest(maxDuration = "2m")
	void environment(byte[] block) {
		Map<String, String> env = new LinkedHashMap<>();
		for (String line : new String(block, StandardCharsets.UTF_8).split("\n", -1)) {
			int equals = line.indexOf('=');
			env.put((equals >= 0) ? line.substring(0, equals) : line, (equals >= 0) ? line.substring(equals + 1) : "");
		}
		try {
			AppControlConfigLoader.load(null, env);
		}
		catch (AppControlConfigException ex) {
			// refused as documented
		}
	}

}
