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

package io.github.agentprotocols.benchmarks.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a {@link FuzzCase} over a plain socket to a loopback port and classifies the
 * answer. Every exchange has one deadline; an answer not complete by then is a
 * {@link Outcome#TIMEOUT}. HTTP requests carry {@code Connection: close}, so the server
 * closes once it has answered and the client reads to the end of the stream; an event
 * stream is answered once its headers arrive. A WebSocket whose upgrade succeeds gets the
 * case's frames, then a ping: a pong means it is still open, a close frame or the end of
 * the stream that it was closed.
 */
final class WireClient {

	private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private static final byte[] PING_PAYLOAD = "fuzz-probe".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_ANSWER = 4 * 1024 * 1024;

	private final InetAddress loopback = InetAddress.getLoopbackAddress();

	private final int port;

	private final Duration timeout;

	WireClient(int port, Duration timeout) {
		this.port = port;
		this.timeout = timeout;
	}

	/**
	 * Send a case.
	 * @param fuzzCase the case
	 * @return its answer
	 */
	Answer send(FuzzCase fuzzCase) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			return switch (fuzzCase.kind()) {
				case HTTP -> http(fuzzCase.request(), fuzzCase.halfClose(), deadline);
				case WEBSOCKET -> webSocket(fuzzCase, deadline);
				case POLLING -> polling(fuzzCase, deadline);
			};
		}
		catch (SocketTimeoutException ex) {
			return new Answer(Outcome.TIMEOUT, 0, "no answer within " + this.timeout);
		}
		catch (IOException ex) {
			return new Answer(Outcome.CLOSED, 0, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private Answer http(byte[] request, boolean halfClose, long deadline) throws IOException {
		try (Socket socket = connect(deadline)) {
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			if (halfClose) {
				socket.shutdownOutput();
			}
			return readHttp(socket, new BufferedInputStream(socket.getInputStream()), deadline);
		}
	}

	private Answer readHttp(Socket socket, InputStream in, long deadline) throws IOException {
		Head head = readHead(socket, in, deadline);
		if (head == null) {
			return new Answer(Outcome.CLOSED, 0, "closed before an answer");
		}
		Matcher status = STATUS.matcher(head.text());
		if (!status.find()) {
			return new Answer(Outcome.OTHER_STATUS, 0, firstLine(head.text()));
		}
		int code = Integer.parseInt(status.group(1));
		String lower = head.text().toLowerCase(Locale.ROOT);
		if (code == 101 || lower.contains("content-type: text/event-stream")) {
			return new Answer(Outcome.ofStatus(code), code, firstLine(head.text()));
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			socket.setSoTimeout(remaining(deadline));
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			if (body.size() < MAX_ANSWER) {
				body.write(buffer, 0, read);
			}
		}
		String text = body.toString(StandardCharsets.UTF_8);
		return new Answer(Outcome.of(code, text), code, firstLine(head.text()), text);
	}

	private Answer webSocket(FuzzCase fuzzCase, long deadline) throws IOException {
		try (Socket socket = connect(deadline)) {
			OutputStream out = socket.getOutputStream();
			out.write(fuzzCase.request());
			out.flush();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			Head head = readHead(socket, in, deadline);
			if (head == null) {
				return new Answer(Outcome.CLOSED, 0, "closed before the upgrade's answer");
			}
			Matcher status = STATUS.matcher(head.text());
			if (!status.find()) {
				return new Answer(Outcome.OTHER_STATUS, 0, firstLine(head.text()));
			}
			int code = Integer.parseInt(status.group(1));
			if (code != 101) {
				return new Answer(Outcome.of(code, drain(socket, in, deadline)), code, firstLine(head.text()));
			}
			InputStream frames = in;
			try {
				for (byte[] frame : fuzzCase.frames()) {
					out.write(frame);
				}
				out.write(WebSocketFrames.frame(WebSocketFrames.PING, PING_PAYLOAD));
				out.flush();
			}
			catch (IOException ex) {
				return new Answer(Outcome.CLOSED, 101, "closed while frames were written: " + ex.getMessage());
			}
			while (true) {
				socket.setSoTimeout(remaining(deadline));
				WebSocketFrames.Frame frame = WebSocketFrames.read(frames);
				if (frame == null || frame.opcode() == WebSocketFrames.CLOSE) {
					return new Answer(Outcome.CLOSED, 101, (frame == null) ? "end of stream" : "close frame");
				}
				if (frame.opcode() == WebSocketFrames.PONG && Arrays.equals(frame.payload(), PING_PAYLOAD)) {
					closeQuietly(socket, out, frames);
					return new Answer(Outcome.WEBSOCKET_OPEN, 101, "pong");
				}
			}
		}
	}

	private Answer polling(FuzzCase fuzzCase, long deadline) throws IOException {
		String request = new String(fuzzCase.request(), StandardCharsets.ISO_8859_1);
		int pathStart = request.indexOf(' ') + 1;
		int query = request.indexOf('?', pathStart);
		int pathEnd = request.indexOf(' ', pathStart);
		String base = (query > 0 && query < pathEnd) ? request.substring(pathStart, query) : "/socket.io/";
		String handshake = "GET " + base + "?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nConnection: close\r\n\r\n";
		Answer opened;
		try (Socket socket = connect(deadline)) {
			socket.getOutputStream().write(handshake.getBytes(StandardCharsets.ISO_8859_1));
			opened = readHttp(socket, new BufferedInputStream(socket.getInputStream()), deadline);
		}
		Matcher sid = SID.matcher(opened.body());
		if (opened.outcome() != Outcome.STATUS_2XX || !sid.find()) {
			return new Answer(opened.outcome(), opened.status(), "handshake: " + opened.detail());
		}
		byte[] withSid = request.replace(Seed.SID, sid.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		Answer answer = http(withSid, fuzzCase.halfClose(), deadline);
		String close = "POST " + base + "?EIO=4&transport=polling&sid=" + sid.group(1) + " HTTP/1.1\r\nHost: 127.0.0.1:"
				+ this.port + "\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\n1";
		try {
			http(close.getBytes(StandardCharsets.ISO_8859_1), false, System.nanoTime() + this.timeout.toNanos());
		}
		catch (IOException ex) {
			// the session may already be gone
		}
		return answer;
	}

	private void closeQuietly(Socket socket, OutputStream out, InputStream frames) {
		try {
			out.write(WebSocketFrames.frame(WebSocketFrames.CLOSE, new byte[] { 0x03, (byte) 0xe8 }));
			out.flush();
			long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (true) {
				socket.setSoTimeout(remaining(deadline));
				WebSocketFrames.Frame frame = WebSocketFrames.read(frames);
				if (frame == null || frame.opcode() == WebSocketFrames.CLOSE) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * Reads the rest of the answer, and returns its first {@value #MAX_ANSWER} bytes.
	 */
	private String drain(Socket socket, InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			socket.setSoTimeout(remaining(deadline));
			int read = in.read(buffer);
			if (read < 0) {
				return body.toString(StandardCharsets.UTF_8);
			}
			if (body.size() < MAX_ANSWER) {
				body.write(buffer, 0, read);
			}
		}
	}

	private Socket connect(long deadline) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(this.loopback, this.port), remaining(deadline));
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private static Head readHead(Socket socket, InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream(512);
		int matched = 0;
		while (true) {
			socket.setSoTimeout(remaining(deadline));
			int b = in.read();
			if (b < 0) {
				return (head.size() > 0) ? new Head(head.toString(StandardCharsets.ISO_8859_1)) : null;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r') ? 1 : 0;
			if (matched == 4) {
				return new Head(head.toString(StandardCharsets.ISO_8859_1));
			}
			if (head.size() > 64 * 1024) {
				return new Head(head.toString(StandardCharsets.ISO_8859_1));
			}
		}
	}

	private static String firstLine(String head) {
		int end = head.indexOf('\r');
		return (end >= 0) ? head.substring(0, end) : head;
	}

	private static int remaining(long deadline) throws SocketTimeoutException {
		long millis = (deadline - System.nanoTime()) / 1_000_000;
		if (millis <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		return (int) Math.min(Integer.MAX_VALUE, millis);
	}

	/**
	 * The answer to a case.
	 *
	 * @param outcome its class
	 * @param status the HTTP status, 0 if none
	 * @param detail the status line or what happened
	 * @param body the body read, for a handshake
	 */
	record Answer(Outcome outcome, int status, String detail, String body) {

		Answer(Outcome outcome, int status, String detail) {
			this(outcome, status, detail, "");
		}

	}

	private record Head(String text) {

	}

}
