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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP requests written byte for byte to a server on loopback, as no HTTP client would
 * send them: the whole-server fuzzing over the wire ({@code benchmarks/}) found what they
 * provoke.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request and reads what the server answers until it closes the connection
	 * (10 s at most): give the request {@code Connection: close}.
	 * @param port the server's port
	 * @param request the request's bytes, as text
	 * @return the answer, empty when the server closed without one
	 * @throws IOException if the connection fails, or the server does not close it in
	 * time
	 */
	public static String exchange(int port, String request) throws IOException {
		return send(port, request, false);
	}

	/**
	 * Sends a request whose client gives up before its body has arrived: it announces a
	 * {@code Content-Length} of 1,000 bytes, sends the start of the body only, then
	 * closes its side of the connection.
	 * @param port the server's port
	 * @param head the request line and headers, each ending with CRLF, without
	 * {@code Content-Length} and the empty line
	 * @param bodyStart the first bytes of the body, shorter than 1,000
	 * @return the answer, empty when the server closed without one
	 * @throws IOException if the connection fails, or the server does not close it in
	 * time
	 */
	public static String abandoned(int port, String head, String bodyStart) throws IOException {
		return send(port, head + "Content-Length: 1000\r\n\r\n" + bodyStart, true);
	}

	/**
	 * Sends a request with a chunked body whose chunk is not ended by CR LF, which
	 * Reactor Netty answers 400 itself after the request has reached its handler.
	 * @param port the server's port
	 * @param head the request line and headers, each ending with CRLF, without
	 * {@code Transfer-Encoding} and the empty line
	 * @return the answer
	 * @throws IOException if the connection fails, or the server does not close it in
	 * time
	 */
	public static String undecodableChunk(int port, String head) throws IOException {
		return send(port, head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":XX0\r\n\r\n", true);
	}

	private static String send(int port, String request, boolean halfClose) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (halfClose) {
				socket.shutdownOutput();
			}
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
