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

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test certificates form a chain that verifies, name the loopback server, and carry
 * it into real TLS handshakes, with and without a client certificate.
 */
class TestCertificatesTests {

	private static final TestCertificates certificates = TestCertificates.create();

	@Test
	void serverAndClientCertificatesVerifyAgainstTheirAuthorityOnly() throws Exception {
		for (TestCertificates.Identity identity : List.of(certificates.server(), certificates.client())) {
			verify(identity.certificate(), certificates.authority());
			assertThatExceptionOfType(CertPathValidatorException.class)
				.isThrownBy(() -> verify(identity.certificate(), TestCertificates.create().authority()));
		}
		assertThat(certificates.authority().getBasicConstraints()).isZero();
		assertThat(certificates.server().certificate().getBasicConstraints()).isEqualTo(-1);
	}

	@Test
	void serverCertificateNamesLocalhostAndTheLoopbackAddressForServerAuthentication() throws Exception {
		X509Certificate server = certificates.server().certificate();
		assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"));
		assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(certificates.client().certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
	}

	@Test
	void filesHoldTheCertificatesAndKeysAsPemAndPkcs12(@TempDir Path directory) throws Exception {
		TestCertificates written = TestCertificates.create(directory);
		assertThat(readCertificate(written.authorityFile())).isEqualTo(written.authority());
		TestCertificates.Identity server = written.server();
		assertThat(readCertificate(server.certificateFile())).isEqualTo(server.certificate());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.privateKeyFile())))
			.isEqualTo("rw-------");
		String pem = Files.readString(server.privateKeyFile());
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
		byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)).getAlgorithm())
			.isEqualTo("EC");
		KeyStore keyStore = load(server.keyStoreFile());
		assertThat(keyStore.getCertificateChain("server")).containsExactly(server.certificate(), written.authority());
		assertThat(keyStore.getKey("server", TestCertificates.PASSWORD.toCharArray()).getEncoded()).isEqualTo(der);
		assertThat(load(written.trustStoreFile()).getCertificate("ca")).isEqualTo(written.authority());
	}

	@Test
	void bundlePropertiesPointAtTheFiles() {
		assertThat(certificates.bundleProperties("redis", certificates.client())).containsExactly(
				"spring.ssl.bundle.pem.redis.truststore.certificate=file:" + certificates.authorityFile(),
				"spring.ssl.bundle.pem.redis.keystore.certificate=file:" + certificates.client().certificateFile(),
				"spring.ssl.bundle.pem.redis.keystore.private-key=file:" + certificates.client().privateKeyFile());
	}

	@Test
	void mutualHandshakeSucceedsWithHostnameVerificationForBothNames() throws Exception {
		for (String host : List.of("localhost", "127.0.0.1")) {
			assertThat(handshake(certificates.client().sslContext(), host, true)).isEqualTo("hello " + host);
		}
	}

	@Test
	void serverRefusesAClientWithoutCertificateWhenItNeedsOne() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> handshake(certificates.trustingContext(), "localhost", true));
		assertThat(catchHandshake(certificates.trustingContext(), false)).isNull();
	}

	@Test
	void clientTrustingAnotherAuthorityRefusesTheServer() {
		assertThat(catchHandshake(TestCertificates.create().trustingContext(), false))
			.isInstanceOf(SSLHandshakeException.class);
	}

	private static Exception catchHandshake(SSLContext client, boolean needClientAuth) {
		try {
			handshake(client, "localhost", needClientAuth);
			return null;
		}
		catch (Exception ex) {
			return ex;
		}
	}

	/**
	 * One exchange over TLS: the server answers "hello " and what the client wrote.
	 */
	private static String handshake(SSLContext client, String host, boolean needClientAuth) throws Exception {
		try (SSLServerSocket server = (SSLServerSocket) certificates.server()
			.sslContext()
			.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			server.setNeedClientAuth(needClientAuth);
			CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
				try (SSLSocket accepted = (SSLSocket) server.accept()) {
					accepted.setSoTimeout(10_000);
					DataInputStream in = new DataInputStream(accepted.getInputStream());
					new DataOutputStream(accepted.getOutputStream()).writeUTF("hello " + in.readUTF());
				}
				catch (Exception ex) {
					// the client sees the failed handshake
				}
			});
			try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(host, server.getLocalPort())) {
				socket.setSoTimeout(10_000);
				SSLParameters parameters = socket.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				socket.setSSLParameters(parameters);
				new DataOutputStream(socket.getOutputStream()).writeUTF(host);
				return new DataInputStream(socket.getInputStream()).readUTF();
			}
			finally {
				served.get(10, TimeUnit.SECONDS);
			}
		}
	}

	private static void verify(X509Certificate certificate, X509Certificate authority) throws Exception {
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
	}

	private static X509Certificate readCertificate(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static KeyStore load(Path file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, TestCertificates.PASSWORD.toCharArray());
		}
		return store;
	}

}
