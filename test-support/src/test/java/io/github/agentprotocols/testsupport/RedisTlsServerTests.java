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

import java.io.File;
import java.time.Duration;
import java.util.Map;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.SocketOptions;
import io.github.agentprotocols.testsupport.RedisTlsServer.ClientAuthentication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The TLS-only Redis answers over TLS only, to clients that trust the test authority, and
 * with mutual TLS only to those presenting a certificate it signed.
 */
@UsesRedisProcess
class RedisTlsServerTests {

	private static final TestCertificates certificates = TestCertificates.create();

	@Test
	void answersClientsThatTrustTheAuthorityWithOrWithoutCertificate() {
		try (RedisTlsServer redis = RedisTlsServer.start(certificates, ClientAuthentication.OPTIONAL)) {
			assertThat(redis.url()).isEqualTo("rediss://127.0.0.1:" + redis.port());
			String set = redis.sync((commands) -> commands.set("k", "v"));
			assertThat(set).isEqualTo("OK");
			assertThat(ping(redis.url(),
					SslOptions.builder().jdkSslProvider().truststore(trustStore(), TestCertificates.PASSWORD).build()))
				.isEqualTo("PONG");
			Map<String, String> port = redis.sync((commands) -> commands.configGet("port"));
			assertThat(port).containsEntry("port", "0");
		}
	}

	@Test
	void refusesClientsThatPresentNoCertificateWhenMutualTlsIsRequired() {
		try (RedisTlsServer redis = RedisTlsServer.start(certificates, ClientAuthentication.REQUIRED)) {
			String pong = redis.sync((commands) -> commands.ping());
			assertThat(pong).isEqualTo("PONG");
			assertThatExceptionOfType(RedisConnectionException.class).isThrownBy(() -> ping(redis.url(),
					SslOptions.builder().jdkSslProvider().truststore(trustStore(), TestCertificates.PASSWORD).build()));
		}
	}

	@Test
	void refusesPlainConnectionsAndClientsThatTrustAnotherAuthority() {
		try (RedisTlsServer redis = RedisTlsServer.start(certificates, ClientAuthentication.OPTIONAL)) {
			assertThatExceptionOfType(RedisConnectionException.class)
				.isThrownBy(() -> ping("redis://127.0.0.1:" + redis.port(), null));
			TestCertificates other = TestCertificates.create();
			assertThatExceptionOfType(RedisConnectionException.class).isThrownBy(() -> ping(redis.url(),
					SslOptions.builder()
						.jdkSslProvider()
						.truststore(other.trustStoreFile().toFile(), TestCertificates.PASSWORD)
						.build()));
		}
	}

	@Test
	void failsNamingTheOutputWhenTheServerCannotStart() {
		TestCertificates broken = TestCertificates.create();
		broken.server().privateKeyFile().toFile().delete();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> RedisTlsServer.start(broken, ClientAuthentication.OPTIONAL))
			.withMessageContaining("did not start with TLS")
			.withMessageContaining("server.key");
	}

	private static File trustStore() {
		return certificates.trustStoreFile().toFile();
	}

	private static String ping(String url, SslOptions ssl) {
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(Duration.ofSeconds(5));
		RedisClient client = RedisClient.create(uri);
		ClientOptions.Builder options = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).build());
		if (ssl != null) {
			options.sslOptions(ssl);
		}
		client.setOptions(options.build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().ping();
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
