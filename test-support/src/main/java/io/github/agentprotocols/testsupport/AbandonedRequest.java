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
 * An HTTP request whose client gives up before its body has arrived: it announces a
 * {@code Content-Length} of 1,000 bytes, sends the start of the body only, then closes
 * its side of the connection, as the whole-server fuzzing over the wire does
 * ({@code benchmarks/}).
 */
public final class AbandonedRequest {

	private AbandonedRequest() {
	}

	/**
	 * Sends the request to a server on loopback and reads what it answers until it closes
	 * the connection (10 s at most).
	 * @param port the server's port
	 * @param head the request line and headers, each ending with CRLF, without
	 * {@code Content-Length} and the empty line
	 * @param bodyStart the first bytes of the body, shorter than 1,000
	 * @return the answer, empty when the server closed without one
	 * @throws IOException if the connection fails, or the server does not close it in
	 * time
	 */
	public static String send(int port, String head, String bodyStart) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Content-Length: 1000\r\n\r\n" + bodyStart).getBytes(StandardCharsets.UTF_8));
			out.flush();
			socket.shutdownOutput();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
