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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * The TLS proxy relays a client's bytes to the plain port behind it and the answer back,
 * records the handshake, the client certificate and the first line, and refuses clients
 * that do not trust its authority or, when it requires one, present no certificate.
 */
class TlsProxyTests {

	private static final TestCertificates certificates = TestCertificates.create();

	private final ServerSocket echo = echoServer();

	private TlsProxy proxy;

	@AfterEach
	void close() throws IOException {
		if (this.proxy != null) {
			this.proxy.close();
		}
		this.echo.close();
	}

	@Test
	void relaysBothWaysAndRecordsTheHandshakeAndTheFirstLine() throws IOException {
		this.proxy = TlsProxy.start(certificates, this.echo.getLocalPort(), ClientAuthentication.NONE);
		assertThat(exchange(certificates.trustingContext(), "GET /health HTTP/1.1\n"))
			.isEqualTo("GET /health HTTP/1.1\n");
		assertThat(this.proxy.handshakes()).isOne();
		assertThat(this.proxy.firstLines()).containsExactly("GET /health HTTP/1.1");
		assertThat(this.proxy.clientCertificates()).isEmpty();
	}

	@Test
	void clientThatDoesNotTrustTheAuthorityIsRefused() {
		this.proxy = TlsProxy.start(certificates, this.echo.getLocalPort(), ClientAuthentication.NONE);
		assertThatIOException().isThrownBy(() -> exchange(TestCertificates.create().trustingContext(), "x\n"));
		await().until(() -> this.proxy.failedHandshakes() == 1);
		assertThat(this.proxy.handshakes()).isZero();
	}

	@Test
	void requiredClientCertificateIsRecorded() throws IOException {
		this.proxy = TlsProxy.start(certificates, this.echo.getLocalPort(), ClientAuthentication.REQUIRED);
		assertThat(exchange(certificates.client().sslContext(), "x\n")).isEqualTo("x\n");
		assertThat(this.proxy.clientCertificates()).containsExactly("CN=agentprotocols test client");
	}

	@Test
	void clientWithoutCertificateIsRefusedWhenOneIsRequired() {
		this.proxy = TlsProxy.start(certificates, this.echo.getLocalPort(), ClientAuthentication.REQUIRED);
		assertThatIOException().isThrownBy(() -> exchange(certificates.trustingContext(), "x\n"));
		await().until(() -> this.proxy.failedHandshakes() == 1);
		assertThat(this.proxy.handshakes()).isZero();
	}

	private String exchange(SSLContext context, String line) throws IOException {
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(InetAddress.getLoopbackAddress(), this.proxy.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(line.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(line.length());
			if (answer.length < line.length()) {
				throw new IOException("connection closed after " + answer.length + " bytes");
			}
			return new String(answer, StandardCharsets.ISO_8859_1);
		}
	}

	private static ServerSocket echoServer() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						socket.getInputStream().transferTo(socket.getOutputStream());
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "echo");
			thread.setDaemon(true);
			thread.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
