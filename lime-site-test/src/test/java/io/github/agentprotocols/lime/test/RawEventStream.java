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

package io.github.agentprotocols.lime.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A site event stream read over a plain socket, so tests see the HTTP chunks exactly as
 * the fake wrote them and can tell a clean end (final chunk) from a dropped connection.
 */
final class RawEventStream implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Socket socket;

	private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();

	private final StringBuilder text = new StringBuilder();

	private final CompletableFuture<Ending> ending = new CompletableFuture<>();

	private final int status;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final InputStream in;

	private RawEventStream(Socket socket, Map<String, String> requestHeaders, URI uri) throws IOException {
		this.socket = socket;
		OutputStream out = socket.getOutputStream();
		StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
				+ ":" + uri.getPort() + "\r\nAccept: text/event-stream\r\n");
		requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		this.in = socket.getInputStream();
		String statusLine = readLine();
		this.status = Integer.parseInt(statusLine.split(" ")[1]);
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			this.headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
					line.substring(colon + 1).trim());
		}
		Thread reader = new Thread(this::readChunks, "raw-event-stream");
		reader.setDaemon(true);
		reader.start();
	}

	static RawEventStream open(FakeLimeApi fake, Map<String, String> headers) throws IOException {
		URI uri = URI.create(fake.baseUrl() + "/modules/agent-login/events");
		Socket socket = new Socket(uri.getHost(), uri.getPort());
		socket.setSoTimeout((int) WAIT.toMillis() * 3);
		return new RawEventStream(socket, headers, uri);
	}

	static RawEventStream open(FakeLimeApi fake) throws IOException {
		return open(fake, Map.of("X-Site-Token", fake.siteToken()));
	}

	int status() {
		return this.status;
	}

	String header(String name) {
		return this.headers.get(name);
	}

	/**
	 * The next HTTP chunk the server wrote, waiting for it.
	 */
	String nextChunk() throws InterruptedException {
		String chunk = this.chunks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		if (chunk == null) {
			throw new AssertionError("No chunk within " + WAIT + "; received so far: " + text());
		}
		return chunk;
	}

	/**
	 * The next {@code data:} payload, waiting for it; chunks are joined and split on
	 * blank lines ({@code \n} or {@code \r\n}).
	 */
	String nextData() throws InterruptedException {
		while (true) {
			String all = text().replace("\r\n", "\n");
			int end = all.indexOf("\n\n", this.consumed);
			if (end >= 0) {
				String frame = all.substring(this.consumed, end);
				this.consumed = end + 2;
				for (String line : frame.split("\n")) {
					if (line.startsWith("data: ")) {
						return line.substring("data: ".length());
					}
				}
				continue;
			}
			if (this.ending.isDone() && this.chunks.isEmpty()) {
				throw new AssertionError("Stream ended (" + this.ending.join() + "); received: " + all);
			}
			String chunk = this.chunks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (chunk == null && !this.ending.isDone()) {
				throw new AssertionError("No frame within " + WAIT + "; received so far: " + all);
			}
		}
	}

	/**
	 * The next payload that is not a keepalive.
	 */
	String nextEvent() throws InterruptedException {
		String data = nextData();
		while (data.equals(SseConnection.KEEPALIVE)) {
			data = nextData();
		}
		return data;
	}

	private int consumed;

	/**
	 * How the stream ended, waiting for it.
	 */
	Ending ending() throws Exception {
		return this.ending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
	}

	synchronized String text() {
		return this.text.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void readChunks() {
		try {
			while (true) {
				String sizeLine = readLine();
				int size = Integer.parseInt(sizeLine.trim(), 16);
				if (size == 0) {
					readLine();
					this.ending.complete(Ending.CLEAN);
					return;
				}
				byte[] data = this.in.readNBytes(size);
				if (data.length < size) {
					throw new IOException("truncated chunk");
				}
				readLine();
				String chunk = new String(data, StandardCharsets.UTF_8);
				synchronized (this) {
					this.text.append(chunk);
				}
				this.chunks.add(chunk);
			}
		}
		catch (IOException | RuntimeException ex) {
			this.ending.complete(Ending.DROPPED);
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("end of stream");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	List<String> drainChunks() {
		List<String> drained = new ArrayList<>();
		this.chunks.drainTo(drained);
		return drained;
	}

	enum Ending {

		/**
		 * The final zero-length chunk arrived.
		 */
		CLEAN,

		/**
		 * The connection closed without the final chunk.
		 */
		DROPPED

	}

}
