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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a sample's browser test: a Node script in {@code src/test/browser} that drives
 * Debian's Chromium through playwright-core (never a downloaded browser), prints a JSON
 * line with {@code "ok":true} when every check passed and saves a screenshot.
 */
public final class BrowserScript {

	private static final Path FOLDER = Path.of("src/test/browser");

	private BrowserScript() {
	}

	/**
	 * Run a script and require it to pass.
	 * @param script the script's file name in {@code src/test/browser}
	 * @param screenshot where the script saves its screenshot (its last argument); the
	 * script's output goes beside it, in a {@code -browser.log} file
	 * @param arguments the script's other arguments, before the screenshot
	 * @return the script's output
	 * @throws IOException if the script cannot be started or its output read
	 * @throws InterruptedException if interrupted while waiting for the script
	 */
	public static String run(String script, Path screenshot, String... arguments)
			throws IOException, InterruptedException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules/playwright-core"))) {
			fail("playwright-core is not installed: run 'npm ci --prefix " + FOLDER.toAbsolutePath()
					+ "' (and 'apt-get install chromium'); .ci/run does both");
		}
		Path image = screenshot.toAbsolutePath();
		Path log = image.resolveSibling(image.getFileName().toString().replaceFirst("\\.png$", "") + "-browser.log");
		Files.deleteIfExists(image);
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add(image.toString());
		String output = NodeScript.run(FOLDER, script, log, all.toArray(String[]::new));
		assertThat(image).exists();
		return output;
	}

}
