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
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority of a test's own, made at test time, with a server certificate
 * for {@code localhost} and {@code 127.0.0.1} and a client certificate, both signed by
 * it, written as PEM and PKCS#12 files into a directory: what a TLS server started by a
 * test (Redis, PostgreSQL, an HTTP server) and a client reaching it through Spring Boot's
 * SSL bundles ({@link #bundleProperties(String, Identity)}) or a plain {@link SSLContext}
 * need. Keys are EC P-256, certificates valid from an hour ago for a day. Two instances
 * have two unrelated authorities: one's clients do not trust the other's server.
 */
public final class TestCertificates {

	/** The password of every PKCS#12 file. */
	public static final String PASSWORD = "changeit";

	private static final AtomicLong serial = new AtomicLong(System.currentTimeMillis());

	private final Path directory;

	private final X500Name authorityName;

	private final X509Certificate authority;

	private final Path authorityFile;

	private final Path trustStoreFile;

	private final Identity server;

	private final Identity client;

	private TestCertificates(Path directory) throws GeneralSecurityException, IOException, OperatorCreationException {
		this.directory = directory;
		KeyPair authorityKeys = keyPair();
		this.authorityName = new X500Name("CN=agentprotocols test CA " + serial.incrementAndGet());
		this.authority = sign(this.authorityName, this.authorityName, authorityKeys.getPublic(),
				authorityKeys.getPrivate(), null,
				(builder, utils) -> builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
					.addExtension(Extension.subjectKeyIdentifier, false,
							utils.createSubjectKeyIdentifier(authorityKeys.getPublic())));
		this.authorityFile = writePem(directory.resolve("ca.crt"), "CERTIFICATE", this.authority.getEncoded());
		KeyStore trustStore = emptyKeyStore();
		trustStore.setCertificateEntry("ca", this.authority);
		this.trustStoreFile = store(trustStore, directory.resolve("truststore.p12"));
		GeneralNames names = new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
				new GeneralName(GeneralName.iPAddress, "127.0.0.1") });
		this.server = issue("server", authorityKeys.getPrivate(), KeyPurposeId.id_kp_serverAuth, names);
		this.client = issue("client", authorityKeys.getPrivate(), KeyPurposeId.id_kp_clientAuth, null);
	}

	/**
	 * Makes an authority and its two certificates in a new temporary directory, deleted
	 * when the JVM exits.
	 * @return the certificates
	 */
	public static TestCertificates create() {
		try {
			Path directory = Files.createTempDirectory("agentprotocols-tls-");
			directory.toFile().deleteOnExit();
			TestCertificates certificates = create(directory);
			try (var files = Files.list(directory)) {
				files.forEach((file) -> file.toFile().deleteOnExit());
			}
			return certificates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes an authority and its two certificates in a directory.
	 * @param directory an existing directory, where the files are written
	 * @return the certificates
	 */
	public static TestCertificates create(Path directory) {
		try {
			return new TestCertificates(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make test certificates", ex);
		}
	}

	/**
	 * The directory holding the files.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The certificate of the authority that signed the others.
	 * @return the certificate
	 */
	public X509Certificate authority() {
		return this.authority;
	}

	/**
	 * The authority's certificate as a PEM file: what a client trusts
	 * ({@code --tls-ca-cert-file} of Redis, {@code sslrootcert} of PostgreSQL).
	 * @return {@code ca.crt}
	 */
	public Path authorityFile() {
		return this.authorityFile;
	}

	/**
	 * A PKCS#12 trust store holding the authority's certificate, protected by
	 * {@value #PASSWORD}.
	 * @return {@code truststore.p12}
	 */
	public Path trustStoreFile() {
		return this.trustStoreFile;
	}

	/**
	 * The server certificate, for {@code localhost} and {@code 127.0.0.1} (subject
	 * alternative names DNS and IP), extended key usage {@code serverAuth}.
	 * @return the server's identity
	 */
	public Identity server() {
		return this.server;
	}

	/**
	 * The client certificate, extended key usage {@code clientAuth}, for mutual TLS.
	 * @return the client's identity
	 */
	public Identity client() {
		return this.client;
	}

	/**
	 * The Spring Boot properties of a PEM SSL bundle that trusts this authority.
	 * @param bundle the bundle's name
	 * @return {@code spring.ssl.bundle.pem.<bundle>.truststore.certificate=...}
	 */
	public List<String> bundleProperties(String bundle) {
		return List.of(bundlePrefix(bundle) + "truststore.certificate=" + location(this.authorityFile));
	}

	/**
	 * The Spring Boot properties of a PEM SSL bundle that trusts this authority and
	 * presents an identity (mutual TLS for a client, the server's own certificate for a
	 * server).
	 * @param bundle the bundle's name
	 * @param identity the certificate and key the bundle presents
	 * @return {@code spring.ssl.bundle.pem.<bundle>.truststore.certificate},
	 * {@code keystore.certificate} and {@code keystore.private-key}
	 */
	public List<String> bundleProperties(String bundle, Identity identity) {
		List<String> properties = new ArrayList<>(bundleProperties(bundle));
		properties.add(bundlePrefix(bundle) + "keystore.certificate=" + location(identity.certificateFile()));
		properties.add(bundlePrefix(bundle) + "keystore.private-key=" + location(identity.privateKeyFile()));
		return properties;
	}

	/**
	 * The Spring Boot properties of an SSL bundle of PKCS#12 stores
	 * ({@code spring.ssl.bundle.jks.<bundle>.*}) that trusts this authority and presents
	 * an identity.
	 * @param bundle the bundle's name
	 * @param identity the certificate and key the bundle presents
	 * @return the location, password and type of the trust store and of the key store
	 */
	public List<String> pkcs12BundleProperties(String bundle, Identity identity) {
		String prefix = "spring.ssl.bundle.jks." + bundle + ".";
		List<String> properties = new ArrayList<>();
		for (String store : List.of("truststore", "keystore")) {
			Path file = store.equals("truststore") ? this.trustStoreFile : identity.keyStoreFile();
			properties.add(prefix + store + ".location=" + location(file));
			properties.add(prefix + store + ".password=" + PASSWORD);
			properties.add(prefix + store + ".type=PKCS12");
		}
		return properties;
	}

	/**
	 * An SSL context that trusts this authority only and presents no certificate.
	 * @return the context
	 */
	public SSLContext trustingContext() {
		return context(null);
	}

	private SSLContext context(@Nullable KeyStore keyStore) {
		try {
			KeyStore trustStore = emptyKeyStore();
			trustStore.setCertificateEntry("ca", this.authority);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			KeyManagerFactory keys = null;
			if (keyStore != null) {
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keys.init(keyStore, PASSWORD.toCharArray());
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot make an SSL context", ex);
		}
	}

	private Identity issue(String name, PrivateKey authorityKey, KeyPurposeId purpose, @Nullable GeneralNames names)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		KeyPair keys = keyPair();
		X500Name subject = new X500Name("CN=agentprotocols test " + name);
		X509Certificate certificate = sign(this.authorityName, subject, keys.getPublic(), authorityKey, names,
				(builder, utils) -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
						.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
						.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
						.addExtension(Extension.subjectKeyIdentifier, false,
								utils.createSubjectKeyIdentifier(keys.getPublic()))
						.addExtension(Extension.authorityKeyIdentifier, false,
								utils.createAuthorityKeyIdentifier(this.authority));
				});
		Path certificateFile = writePem(this.directory.resolve(name + ".crt"), "CERTIFICATE", certificate.getEncoded());
		Path keyFile = ownerOnly(
				writePem(this.directory.resolve(name + ".key"), "PRIVATE KEY", keys.getPrivate().getEncoded()));
		KeyStore keyStore = emptyKeyStore();
		keyStore.setKeyEntry(name, keys.getPrivate(), PASSWORD.toCharArray(),
				new Certificate[] { certificate, this.authority });
		Path keyStoreFile = store(keyStore, this.directory.resolve(name + ".p12"));
		return new Identity(certificate, certificateFile, keyFile, keyStoreFile, keyStore);
	}

	private static X509Certificate sign(X500Name issuer, X500Name subject, PublicKey publicKey, PrivateKey signingKey,
			@Nullable GeneralNames names, Extensions extensions)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
				BigInteger.valueOf(serial.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
				Date.from(now.plus(Duration.ofDays(1))), subject, publicKey);
		extensions.add(builder, new JcaX509ExtensionUtils());
		if (names != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, names);
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		return store;
	}

	private static Path store(KeyStore store, Path file) throws GeneralSecurityException, IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return file;
	}

	private static Path writePem(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	/**
	 * Makes a key file readable by its owner only, as servers such as PostgreSQL require.
	 */
	private static Path ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		return file;
	}

	private static String bundlePrefix(String bundle) {
		return "spring.ssl.bundle.pem." + bundle + ".";
	}

	private static String location(Path file) {
		return "file:" + file.toAbsolutePath();
	}

	@FunctionalInterface
	private interface Extensions {

		void add(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils)
				throws GeneralSecurityException, IOException;

	}

	/**
	 * A certificate signed by the authority, with its private key.
	 */
	public final class Identity {

		private final X509Certificate certificate;

		private final Path certificateFile;

		private final Path privateKeyFile;

		private final Path keyStoreFile;

		private final KeyStore keyStore;

		private Identity(X509Certificate certificate, Path certificateFile, Path privateKeyFile, Path keyStoreFile,
				KeyStore keyStore) {
			this.certificate = certificate;
			this.certificateFile = certificateFile;
			this.privateKeyFile = privateKeyFile;
			this.keyStoreFile = keyStoreFile;
			this.keyStore = keyStore;
		}

		/**
		 * The certificate.
		 * @return the certificate
		 */
		public X509Certificate certificate() {
			return this.certificate;
		}

		/**
		 * The certificate as a PEM file ({@code --tls-cert-file} of Redis).
		 * @return {@code <name>.crt}
		 */
		public Path certificateFile() {
			return this.certificateFile;
		}

		/**
		 * The private key as an unencrypted PKCS#8 PEM file ({@code --tls-key-file} of
		 * Redis), readable by its owner only.
		 * @return {@code <name>.key}
		 */
		public Path privateKeyFile() {
			return this.privateKeyFile;
		}

		/**
		 * A PKCS#12 key store holding the key and the chain (certificate, authority),
		 * protected by {@value TestCertificates#PASSWORD}.
		 * @return {@code <name>.p12}
		 */
		public Path keyStoreFile() {
			return this.keyStoreFile;
		}

		/**
		 * An SSL context that presents this identity and trusts the authority only: a
		 * server's (which asks for client certificates as its engine is told) or a
		 * client's for mutual TLS.
		 * @return the context
		 */
		public SSLContext sslContext() {
			return context(this.keyStore);
		}

	}

}
