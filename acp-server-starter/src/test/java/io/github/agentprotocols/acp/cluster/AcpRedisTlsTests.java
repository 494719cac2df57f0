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

package io.github.agentprotocols.acp.cluster;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.github.agentprotocols.commons.redis.RedisTlsException;
import io.github.agentprotocols.testsupport.RedisTlsServer;
import io.github.agentprotocols.testsupport.RedisTlsServer.ClientAuthentication;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two instances relay over a TLS-only Redis ({@code acp.cluster.transport=redis},
 * {@code rediss://}) that requires client certificates, reached through a Spring Boot SSL
 * bundle of PKCS#12 stores (mutual TLS): a message posted to one reaches the other's room
 * emitter. An instance whose bundle does not trust the server's certificate fails to
 * start rather than relay nothing.
 */
@UsesRedisProcess
class AcpRedisTlsTests {

	private static final TestCertificates certificates = TestCertificates.create();

	private static RedisTlsServer redis;

	private static ClusterInstance a;

	private static ClusterInstance b;

	@BeforeAll
	static void start() {
		redis = RedisTlsServer.start(certificates, ClientAuthentication.REQUIRED);
		a = instance(certificates);
		b = instance(certificates);
	}

	@AfterAll
	static void stop() {
		try {
			a.close();
			b.close();
		}
		finally {
			redis.close();
		}
	}

	@Test
	void messagePostedToOneInstanceReachesTheOtherOverMutualTls() {
		String thread = a.createThread("alice");
		JsonNode posted = a.postMessage("alice", thread, "over TLS");
		await().atMost(ClusterContractTests.WAIT)
			.until(() -> b.emitter().remoteEventIds(thread).contains(posted.get("id").stringValue()));
		assertThat(a.relay().transport()).isEqualTo("redis");
		assertThat(b.relay().isListening()).isTrue();
	}

	@Test
	void instanceWhoseBundleDoesNotTrustTheServerFailsToStart() {
		assertThatExceptionOfType(RedisTlsException.class).isThrownBy(() -> instance(TestCertificates.create()).close())
			.withMessageContaining("The TLS handshake with Redis at " + redis.url() + " failed")
			.withCauseInstanceOf(SSLException.class);
	}

	private static ClusterInstance instance(TestCertificates trusted) {
		List<String> properties = new ArrayList<>(List.of(
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.cluster.transport=redis"));
		properties.addAll(redis.connectionProperties("redis"));
		properties.addAll(trusted.pkcs12BundleProperties("redis", trusted.client()));
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class),
				properties.toArray(String[]::new));
	}

}
