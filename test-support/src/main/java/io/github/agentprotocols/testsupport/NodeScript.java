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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a test's Node script, which drives the application under test with a client we did
 * not write and prints a JSON line with {@code "ok":true} when every check passed.
 */
public final class NodeScript {

	private static final long TIMEOUT_SECONDS = 120;

	private NodeScript() {
	}

	/**
	 * Run a module's MCP interop script ({@code src/test/node/interop.mjs}, a client on
	 * the official MCP TypeScript SDK) and require it to pass; fails, saying how to
	 * install it, when the SDK is not installed.
	 * @param logName the name of the script's log file in {@code target}
	 * @param arguments the script's arguments
	 * @return the script's output
	 * @throws IOException if the script cannot be started or its output read
	 * @throws InterruptedException if interrupted while waiting for the script
	 */
	public static String runMcpInterop(String logName, String... arguments) throws IOException, InterruptedException {
		Path folder = Path.of("src/test/node");
		if (!Files.isDirectory(folder.resolve("node_modules/@modelcontextprotocol/sdk"))) {
			fail("@modelcontextprotocol/sdk is not installed: run 'npm ci --prefix " + folder.toAbsolutePath()
					+ "'; .ci/run does it");
		}
		Path log = Path.of("target", logName).toAbsolutePath();
		Files.createDirectories(log.getParent());
		return run(folder, "interop.mjs", log, arguments);
	}

	/**
	 * Run a script and require it to pass.
	 * @param folder the script's folder, holding its {@code node_modules}
	 * @param script the script's file name
	 * @param log where the script's output goes
	 * @param arguments the script's arguments
	 * @return the script's output
	 * @throws IOException if the script cannot be started or its output read
	 * @throws InterruptedException if interrupted while waiting for the script
	 */
	public static String run(Path folder, String script, Path log, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process node = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (!finished) {
			node.destroyForcibly();
			fail("the node script did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
		}
		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).contains("\"ok\":true");
		return output;
	}

}
