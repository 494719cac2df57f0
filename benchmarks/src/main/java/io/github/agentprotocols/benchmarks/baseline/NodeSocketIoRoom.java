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

package io.github.agentprotocols.benchmarks.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js Socket.IO room baseline: {@code src/main/node/room-server.mjs}, a Socket.IO
 * 4.8 server with its defaults (npm {@code socket.io}, installed by {@code npm ci} in
 * that folder), run by {@code node} as a child process on a free loopback port. Its
 * {@value SocketIoRoomServer#JOIN} puts a socket in the room {@code thread:<id>}, and
 * {@code POST /threads/<id>/messages} emits {@value SocketIoRoomServer#EVENT} to the
 * room: an object of the fields and size of the starter's message event, encoded once for
 * the whole room, as Node's server does.
 */
public final class NodeSocketIoRoom implements AutoCloseable {

	/** The folder of the server's script, relative to the benchmarks module. */
	static final Path FOLDER = Path.of(System.getProperty("bench.node.dir", "src/main/node"));

	private static final long START_SECONDS = 30;

	private final Process process;

	private final int port;

	private NodeSocketIoRoom(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the server.
	 * @param author the JSON of the messages' author
	 * @return the running server
	 * @throws IOException if {@code node} cannot be started or does not listen in time
	 */
	public static NodeSocketIoRoom start(String author) throws IOException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules/socket.io"))) {
			throw new IllegalStateException(
					"No socket.io package in " + FOLDER.toAbsolutePath() + ": run npm ci --prefix " + FOLDER);
		}
		Process process = new ProcessBuilder("node", FOLDER.resolve("room-server.mjs").toString(), author)
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
			try {
				String line = output.readLine();
				Thread drain = new Thread(() -> output.lines().forEach(System.out::println), "node-room-output");
				drain.setDaemon(true);
				drain.start();
				return line;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			String line = listening.get(START_SECONDS, TimeUnit.SECONDS);
			if (line == null || !line.startsWith("PORT ")) {
				throw new IOException("node room-server.mjs did not start: " + line);
			}
			return new NodeSocketIoRoom(process, Integer.parseInt(line.substring("PORT ".length()).trim()));
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw (ex instanceof IOException io) ? io : new IOException("node room-server.mjs did not start", ex);
		}
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The process of the server.
	 * @return the process
	 */
	public ProcessHandle process() {
		return this.process.toHandle();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
