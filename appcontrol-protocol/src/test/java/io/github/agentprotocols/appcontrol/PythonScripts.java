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

package io.github.agentprotocols.appcontrol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standard-library-only Python 3 peers in {@code src/test/python}: peers we did
 * not write in Java, speaking the wire as the Python packages do.
 */
public final class PythonScripts {

	private static final Path FOLDER = Path.of("src/test/python");

	private static final long PATIENCE_SECONDS = 60;

	private PythonScripts() {
	}

	/**
	 * Starts a long-running script and waits until it prints {@code READY}.
	 * @param script the script's file name
	 * @param arguments its arguments
	 * @return the running process; destroy it when done
	 * @throws Exception if it does not become ready
	 */
	public static Process start(String script, String... arguments) throws Exception {
		Process process = new ProcessBuilder(command(script, arguments)).redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
		if (!"READY".equals(ready)) {
			process.destroyForcibly();
			throw new IllegalStateException(script + " did not start: " + ready);
		}
		return process;
	}

	/**
	 * Runs a script to its end.
	 * @param script the script's file name
	 * @param input what to write to its standard input
	 * @param arguments its arguments
	 * @return what it printed on its standard output
	 * @throws Exception if it fails or takes too long
	 */
	public static String run(String script, byte[] input, String... arguments) throws Exception {
		Process process = new ProcessBuilder(command(script, arguments)).redirectError(ProcessBuilder.Redirect.PIPE)
			.start();
		CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process, false));
		CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
		try (OutputStream in = process.getOutputStream()) {
			in.write(input);
		}
		if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(script + " did not finish");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(script + " failed with exit code " + process.exitValue() + ":\n"
					+ new String(err.get(), StandardCharsets.UTF_8));
		}
		return new String(out.get(), StandardCharsets.UTF_8);
	}

	private static List<String> command(String script, String... arguments) {
		List<String> command = new ArrayList<>(List.of("python3", FOLDER.resolve(script).toString()));
		command.addAll(List.of(arguments));
		return command;
	}

	private static String readLine(BufferedReader reader) {
		try {
			return reader.readLine();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(Process process, boolean error) {
		try {
			return (error ? process.getErrorStream() : process.getInputStream()).readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
