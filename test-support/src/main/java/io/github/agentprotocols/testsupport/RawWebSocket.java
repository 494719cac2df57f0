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

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebSocket over a plain socket, writing frames byte for byte as no WebSocket client
 * would send them: the whole-server fuzzing over the wire ({@code benchmarks/}) found
 * what they provoke.
 */
public final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
	}

	/**
	 * Opens a WebSocket: sends the upgrade and reads the {@code 101} head.
	 * @param port the server's port
	 * @param target the request target
	 * @return the socket, upgraded
	 * @throws IOException if the connection fails or is not upgraded
	 */
	public static RawWebSocket open(int port, String target) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout(10_000);
		RawWebSocket webSocket = new RawWebSocket(socket);
		socket.getOutputStream()
			.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		String head = webSocket.head();
		if (!head.startsWith("HTTP/1.1 101 ")) {
			socket.close();
			throw new IOException("not upgraded: " + head);
		}
		return webSocket;
	}

	private String head() throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			head.append((char) this.in.readUnsignedByte());
		}
		return head.toString();
	}

	/**
	 * The port of the client's end of the connection.
	 * @return the local port
	 */
	public int localPort() {
		return this.socket.getLocalPort();
	}

	/**
	 * Sends a text message in one frame.
	 * @param text the message, shorter than 126 bytes
	 * @throws IOException if the connection fails
	 */
	public void sendText(String text) throws IOException {
		send(0x81, text, true);
	}

	/**
	 * Sends the first fragment of a text message (a frame without FIN).
	 * @param text the fragment, shorter than 126 bytes
	 * @throws IOException if the connection fails
	 */
	public void sendFirstFragment(String text) throws IOException {
		send(0x01, text, true);
	}

	/**
	 * Sends a frame Netty's WebSocket decoder refuses.
	 * @param frame which
	 * @throws IOException if the connection fails
	 */
	public void send(Refused frame) throws IOException {
		switch (frame) {
			case RESERVED_OPCODE -> send(0x83, "x", true);
			case UNMASKED -> send(0x81, "{}", false);
		}
	}

	/**
	 * Sends a masked frame with the given first byte (FIN, the three RSV bits and the
	 * opcode) and payload, whatever they are.
	 * @param firstByte the frame's first byte
	 * @param payload the payload, shorter than 126 bytes
	 * @throws IOException if the connection fails
	 */
	public void send(int firstByte, byte[] payload) throws IOException {
		send(firstByte, payload, true);
	}

	/**
	 * Sends a ping and reads frames until a pong.
	 * @param payload the ping's payload, shorter than 126 bytes
	 * @return the pong's payload
	 * @throws IOException if the connection fails or ends, or no pong comes in 10 s
	 */
	public String ping(String payload) throws IOException {
		send(0x89, payload, true);
		for (;;) {
			Frame frame = next();
			if (frame.opcode() == 0x0a) {
				return new String(frame.payload(), StandardCharsets.UTF_8);
			}
		}
	}

	private void send(int firstByte, String payload, boolean masked) throws IOException {
		send(firstByte, payload.getBytes(StandardCharsets.UTF_8), masked);
	}

	private void send(int firstByte, byte[] bytes, boolean masked) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(firstByte);
		frame.write((masked ? 0x80 : 0) | bytes.length);
		byte[] mask = { 0x37, (byte) 0xfa, 0x21, 0x3d };
		if (masked) {
			frame.write(mask);
		}
		for (int i = 0; i < bytes.length; i++) {
			frame.write(masked ? bytes[i] ^ mask[i % 4] : bytes[i]);
		}
		this.socket.getOutputStream().write(frame.toByteArray());
		this.socket.getOutputStream().flush();
	}

	/**
	 * Reads the next text message.
	 * @return the message
	 * @throws IOException if the connection fails or ends, or the next frame is no text
	 */
	public String nextText() throws IOException {
		Frame frame = next();
		if (frame.opcode() != 1) {
			throw new IOException("not a text frame: opcode " + frame.opcode());
		}
		return new String(frame.payload(), StandardCharsets.UTF_8);
	}

	/**
	 * Reads frames until the server closes the connection.
	 * @return the close frame's status code, {@code -1} if the server closed without one
	 * @throws IOException if the connection fails, or the server does not close it in 10
	 * s
	 */
	public int closeCode() throws IOException {
		int code = -1;
		try {
			for (;;) {
				Frame frame = next();
				if (frame.opcode() == 8 && frame.payload().length >= 2) {
					code = ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff);
				}
			}
		}
		catch (EOFException | SocketException ex) {
			// the end of the stream, or a reset: the server closed the connection
			return code;
		}
	}

	private Frame next() throws IOException {
		int first = this.in.readUnsignedByte();
		long length = this.in.readUnsignedByte() & 0x7f;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[Math.toIntExact(length)];
		this.in.readFully(payload);
		return new Frame(first & 0x0f, payload);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * Waits until a peer's protocol violation is logged, at DEBUG or as Netty and Reactor
	 * Netty logged it, then asserts it was logged at DEBUG only.
	 * @param output the application's output
	 * @param exception the simple name of the exception that reports the violation
	 */
	public static void assertLoggedAtDebugOnly(CapturedOutput output, String exception) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains(exception) || output.getOut().contains(" ERROR "));
		assertThat(output.getOut()).contains("Connection closed on the peer's protocol violation")
			.doesNotContain(" ERROR ")
			.doesNotContain("onUncaughtException")
			.doesNotContain("observed post termination")
			.doesNotContain("reached at the tail of the pipeline");
	}

	private record Frame(int opcode, byte[] payload) {
	}

	/**
	 * Frames Netty's WebSocket decoder refuses, closing the connection with 1002.
	 */
	public enum Refused {

		/** A data frame with opcode 3, reserved. */
		RESERVED_OPCODE,

		/** A text frame a client sends without masking it. */
		UNMASKED

	}

}
