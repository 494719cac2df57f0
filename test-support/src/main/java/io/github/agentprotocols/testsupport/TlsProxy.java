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
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on a loopback port in front of a plain one: it ends TLS with the server
 * certificate of a {@link TestCertificates}, optionally requiring a client certificate
 * signed by its authority, and relays the bytes to the plain port. It records each
 * handshake, the client certificate presented and the first line the client sent on each
 * connection (such as {@code GET /v1/health HTTP/1.1}): what a test of a client's TLS
 * settings asserts, with the fake server of a protocol behind it unchanged.
 */
public final class TlsProxy implements AutoCloseable {

	private final SSLServerSocket server;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final List<String> clientCertificates = new CopyOnWriteArrayList<>();

	private final List<String> firstLines = new CopyOnWriteArrayList<>();

	private final AtomicInteger handshakes = new AtomicInteger();

	private final AtomicInteger failedHandshakes = new AtomicInteger();

	private TlsProxy(TestCertificates certificates, int targetPort, ClientAuthentication clientAuthentication)
			throws IOException {
		this.server = (SSLServerSocket) certificates.server()
			.sslContext()
			.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.server.setNeedClientAuth(clientAuthentication == ClientAuthentication.REQUIRED);
		this.targetPort = targetPort;
		daemon("tls-proxy-" + this.server.getLocalPort(), this::accept);
	}

	/**
	 * Start a proxy to {@code 127.0.0.1:targetPort}.
	 * @param certificates the authority whose server certificate the proxy presents and
	 * whose client certificates it accepts
	 * @param targetPort the plain port that the bytes are relayed to
	 * @param clientAuthentication whether clients must present a certificate
	 * @return the running proxy
	 */
	public static TlsProxy start(TestCertificates certificates, int targetPort,
			ClientAuthentication clientAuthentication) {
		try {
			return new TlsProxy(certificates, targetPort, clientAuthentication);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * The proxy's origin.
	 * @return {@code https://127.0.0.1:<port>}
	 */
	public String origin() {
		return "https://127.0.0.1:" + port();
	}

	/**
	 * How many TLS handshakes completed.
	 * @return the count
	 */
	public int handshakes() {
		return this.handshakes.get();
	}

	/**
	 * How many TLS handshakes failed, for a certificate either side did not accept or a
	 * client certificate that was missing.
	 * @return the count
	 */
	public int failedHandshakes() {
		return this.failedHandshakes.get();
	}

	/**
	 * The subjects of the client certificates presented in the completed handshakes, in
	 * their order.
	 * @return the subjects, such as {@code CN=agentprotocols test client}
	 */
	public List<String> clientCertificates() {
		return List.copyOf(this.clientCertificates);
	}

	/**
	 * The first line the client sent on each connection, in the order they came.
	 * @return the lines, without their line break
	 */
	public List<String> firstLines() {
		return List.copyOf(this.firstLines);
	}

	/**
	 * Stop listening and close every connection.
	 */
	@Override
	public void close() {
		closeQuietly(this.server);
		this.open.forEach(TlsProxy::closeQuietly);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				SSLSocket client = (SSLSocket) this.server.accept();
				this.open.add(client);
				daemon("tls-proxy-connection", () -> relay(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void relay(SSLSocket client) {
		try (client) {
			try {
				client.startHandshake();
			}
			catch (IOException ex) {
				this.failedHandshakes.incrementAndGet();
				return;
			}
			this.handshakes.incrementAndGet();
			peerSubject(client);
			try (Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort)) {
				this.open.add(target);
				daemon("tls-proxy-upstream", () -> upstream(client, target));
				copy(target.getInputStream(), client.getOutputStream(), false);
			}
		}
		catch (IOException ex) {
			// either side went away
		}
		finally {
			this.open.removeIf((socket) -> socket == client || socket.isClosed());
		}
	}

	private void upstream(SSLSocket client, Socket target) {
		try {
			copy(client.getInputStream(), target.getOutputStream(), true);
			target.shutdownOutput();
		}
		catch (IOException ex) {
			closeQuietly(target);
		}
	}

	private void copy(InputStream in, OutputStream out, boolean recordFirstLine) throws IOException {
		ByteArrayOutputStream line = recordFirstLine ? new ByteArrayOutputStream() : null;
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			if (line != null) {
				for (int i = 0; i < read && line != null; i++) {
					if (buffer[i] == '\n') {
						this.firstLines.add(line.toString(StandardCharsets.ISO_8859_1).strip());
						line = null;
					}
					else {
						line.write(buffer[i]);
					}
				}
			}
			out.write(buffer, 0, read);
			out.flush();
		}
	}

	private void peerSubject(SSLSocket client) {
		try {
			Certificate[] chain = client.getSession().getPeerCertificates();
			this.clientCertificates.add(((X509Certificate) chain[0]).getSubjectX500Principal().getName());
		}
		catch (SSLPeerUnverifiedException ex) {
			// no client certificate
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	/**
	 * Whether the proxy requires a client certificate.
	 */
	public enum ClientAuthentication {

		/** No client certificate is asked for. */
		NONE,

		/** The handshake fails without a client certificate of the authority. */
		REQUIRED

	}

}
