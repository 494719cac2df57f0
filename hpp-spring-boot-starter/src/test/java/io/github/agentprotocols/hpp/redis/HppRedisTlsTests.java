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

package io.github.agentprotocols.hpp.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.github.agentprotocols.commons.redis.RedisTlsException;
import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import io.github.agentprotocols.hpp.WsProbe;
import io.github.agentprotocols.testsupport.RedisTlsServer;
import io.github.agentprotocols.testsupport.RedisTlsServer.ClientAuthentication;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two instances reach a TLS-only Redis ({@code rediss://}) that requires client
 * certificates, through Spring Boot's SSL bundle with a key store (mutual TLS): a session
 * created on one is served by the other, and a browser on one sees the actions posted to
 * the other. An instance whose bundle does not trust the server's certificate fails to
 * start.
 */
@UsesRedisProcess
class HppRedisTlsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final TestCertificates certificates = TestCertificates.create();

	private static RedisTlsServer redis;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() {
		redis = RedisTlsServer.start(certificates, ClientAuthentication.REQUIRED);
		a = instance(certificates.bundleProperties("redis", certificates.client()));
		b = instance(certificates.bundleProperties("redis", certificates.client()));
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
	void browserOnOneInstanceSeesTheActionsPostedToTheOtherOverMutualTls() throws Exception {
		HttpProbe httpA = new HttpProbe(port(a));
		HttpProbe httpB = new HttpProbe(port(b));
		JsonNode created = httpA
			.create("""
					{"mode":"form-fill","schema":[{"key":"name","type":"string"},{"key":"age","type":"int","required":true}],
					"context":{"name":"Bob","age":null}}""");
		String sid = created.get("sessionId").stringValue();
		String token = created.get("token").stringValue();
		try (WsProbe ws = WsProbe.open(port(b), "/ws/handshake/" + sid + "?token=" + token)) {
			assertThat(ws.nextEvent(WAIT).get("type").stringValue()).isEqualTo("connected");
			Reply reply = httpA.post("/handshake/action/" + sid, token,
					"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":41}],\"intervalMs\":0}");
			assertThat(reply.status()).isEqualTo(200);
			assertThat(ws.nextEvent(WAIT).toString()).isEqualTo("{\"type\":\"action\",\"key\":\"age\",\"value\":41}");
			assertThat(ws.nextEvent(WAIT).toString())
				.isEqualTo("{\"type\":\"done\",\"applied\":1,\"rejected\":[],\"missing\":[]}");
		}
		Reply context = httpB.get("/handshake/context/" + sid, token);
		assertThat(context.status()).isEqualTo(200);
		assertThat(context.json().at("/context/age/value").asInt()).isEqualTo(41);
		assertThat(context.json().at("/context/name/value").stringValue()).isEqualTo("Bob");
		Long keys = redis.sync((commands) -> commands.dbsize());
		assertThat(keys).as("the session is stored in the TLS server").isPositive();
	}

	@Test
	void instanceWhoseBundleDoesNotTrustTheServerFailsToStart() {
		TestCertificates other = TestCertificates.create();
		assertThatExceptionOfType(RedisTlsException.class)
			.isThrownBy(() -> instance(other.bundleProperties("redis", other.client())).close())
			.withMessageContaining("The TLS handshake with Redis at " + redis.url() + " failed")
			.withCauseInstanceOf(SSLException.class);
	}

	@Test
	void instanceThatPresentsNoClientCertificateFailsToStart() {
		assertThatExceptionOfType(RedisTlsException.class)
			.isThrownBy(() -> instance(certificates.bundleProperties("redis")).close())
			.withCauseInstanceOf(SSLException.class);
	}

	private static ConfigurableApplicationContext instance(List<String> bundle) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "hpp.store.type=redis"));
		properties.addAll(redis.connectionProperties("redis"));
		properties.addAll(bundle);
		return new SpringApplicationBuilder(HppTestApplication.class).properties(properties.toArray(String[]::new))
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
