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

package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.github.agentprotocols.commons.redis.RedisTlsException;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisTlsServer;
import io.github.agentprotocols.testsupport.RedisTlsServer.ClientAuthentication;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.UsesRedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.agentprotocols.lime.redis.ClusterInstances.leads;
import static io.github.agentprotocols.lime.redis.ClusterInstances.outcomes;
import static io.github.agentprotocols.lime.redis.ClusterInstances.pending;
import static io.github.agentprotocols.lime.redis.ClusterInstances.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a site reach a TLS-only Redis ({@code rediss://}) through Spring
 * Boot's SSL bundle that trusts the server's authority ({@code lime.store.type=redis}): a
 * login request created on the standby is handled once by the leader, and its outcome
 * reaches both. An instance whose bundle does not trust the server's certificate fails to
 * start.
 */
@UsesRedisProcess
class LimeRedisTlsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final TestCertificates certificates = TestCertificates.create();

	private RedisTlsServer redis;

	private FakeLimeApi fake;

	private ClusterInstances instances;

	@AfterEach
	void close() {
		if (this.instances != null) {
			this.instances.close();
		}
		if (this.fake != null) {
			this.fake.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void loginRequestCreatedOnTheStandbyIsHandledByTheLeaderOverTls() {
		start(this.certificates);
		ConfigurableApplicationContext a = this.instances.start("lime-a", true);
		await().atMost(WAIT).until(() -> leads(a) && this.fake.openStreams() == 1);
		ConfigurableApplicationContext b = this.instances.start("lime-b", true);
		String logins = new RedisKeys(this.instances.prefix).logins();
		await().atMost(WAIT).until(() -> this.redis.sync((commands) -> commands.pubsubNumsub(logins)).get(logins) == 2);
		LoginRequest request = site(b).createLoginRequest().block(WAIT);
		assertThat(pending(a)).contains(request.requestId());
		this.fake.agent().approve(request.requestId());
		String approved = Outcomes.call(request.requestId(), "jwt");
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			await().atMost(WAIT).until(() -> outcomes(instance).broadcasts.contains(approved));
		}
		assertThat(outcomes(a).handled).containsExactly(approved);
		assertThat(outcomes(b).handled).isEmpty();
		assertThat(leads(b)).isFalse();
	}

	@Test
	void instanceWhoseBundleDoesNotTrustTheServerFailsToStart() {
		start(TestCertificates.create());
		assertThatExceptionOfType(RedisTlsException.class).isThrownBy(() -> this.instances.start("lime-a", true))
			.withMessageContaining("The TLS handshake with Redis at " + this.redis.url() + " failed")
			.withCauseInstanceOf(SSLException.class);
		assertThat(this.fake.openStreams()).isZero();
	}

	private void start(TestCertificates trusted) {
		this.redis = RedisTlsServer.start(this.certificates, ClientAuthentication.OPTIONAL);
		this.fake = FakeLimeApi.start();
		List<String> properties = new ArrayList<>(this.redis.connectionProperties("redis"));
		properties.addAll(trusted.bundleProperties("redis"));
		this.instances = new ClusterInstances(this.fake, Duration.ofSeconds(15), this.redis, properties);
	}

}
