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

package io.github.agentprotocols.lime.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.testsupport.FailureAnalyses;
import io.github.agentprotocols.testsupport.TestCertificates;
import io.github.agentprotocols.testsupport.TlsProxy;
import io.github.agentprotocols.testsupport.TlsProxy.ClientAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@code lime.site.ssl.bundle} names the SSL bundle of the calls to the LIME API and of
 * the event stream, here reaching the fake LIME API through a TLS server whose authority
 * the test makes: with the bundle both succeed, without it the JDK's trust store rejects
 * the server; a server that requires a client certificate accepts the bundle's and
 * refuses a bundle that has none; a name no bundle has fails the start-up, naming the
 * property.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeSslBundleTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final TestCertificates certificates = TestCertificates.create();

	private TlsProxy proxy;

	@AfterEach
	void close() {
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void apiCallsAndTheEventStreamGoThroughTheBundle(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.NONE).withPropertyValues(array(certificates.bundleProperties("lime")))
			.withPropertyValues("lime.site.ssl.bundle=lime")
			.run(loginRequestAndEventStreamOverTls(fake));
	}

	@Test
	void bundleAppliesWithoutSpringBootsWebClientAutoConfiguration(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.NONE, SslAutoConfiguration.class, AgentProtocolsAutoConfiguration.class,
				LimeAutoConfiguration.class)
			.withPropertyValues(array(certificates.bundleProperties("lime")))
			.withPropertyValues("lime.site.ssl.bundle=lime")
			.run(loginRequestAndEventStreamOverTls(fake));
	}

	@Test
	void withoutTheBundleTheServerIsNotTrusted(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.NONE).run((context) -> {
			Throwable failure = assertThatException()
				.isThrownBy(() -> context.getBean(LimeSite.class).createLoginRequest().block(WAIT))
				.actual();
			assertThat(causes(failure)).hasAtLeastOneElementOfType(SSLHandshakeException.class);
			assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).isEmpty();
			assertThat(this.proxy.handshakes()).isZero();
		});
	}

	@Test
	void serverThatRequiresAClientCertificateAcceptsTheBundles(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.REQUIRED)
			.withPropertyValues(array(certificates.bundleProperties("lime", certificates.client())))
			.withPropertyValues("lime.site.ssl.bundle=lime")
			.run(loginRequestAndEventStreamOverTls(fake)
				.andThen((context) -> assertThat(this.proxy.clientCertificates()).isNotEmpty()
					.allSatisfy((subject) -> assertThat(subject).isEqualTo("CN=agentprotocols test client"))));
	}

	@Test
	void serverThatRequiresAClientCertificateRefusesABundleWithoutOne(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.REQUIRED).withPropertyValues(array(certificates.bundleProperties("lime")))
			.withPropertyValues("lime.site.ssl.bundle=lime")
			.run((context) -> {
				assertThatException()
					.isThrownBy(() -> context.getBean(LimeSite.class).createLoginRequest().block(WAIT));
				assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST)).isEmpty();
				assertThat(this.proxy.handshakes()).isZero();
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(this.proxy.failedHandshakes()).isPositive());
			});
	}

	@Test
	void bundleThatIsNotConfiguredFailsTheStartUpNamingTheProperty(FakeLimeApi fake) {
		runner(fake, ClientAuthentication.NONE).withPropertyValues(array(certificates.bundleProperties("lime")))
			.withPropertyValues("lime.site.ssl.bundle=missing")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("lime.site.ssl.bundle names 'missing', but no SSL"
						+ " bundle of that name is configured under spring.ssl.bundle (configured: lime).");
				assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.missing");
			});
	}

	private ContextConsumer<AssertableApplicationContext> loginRequestAndEventStreamOverTls(FakeLimeApi fake) {
		return (context) -> {
			assertThat(context.getBean(LimeSite.class).createLoginRequest().block(WAIT)).isNotNull();
			await().atMost(WAIT).until(() -> fake.openStreams() == 1);
			assertThat(this.proxy.firstLines()).anySatisfy(startsWith("POST /api/v1/modules/agent-login/requests "))
				.anySatisfy(startsWith("GET /api/v1/modules/agent-login/events "));
		};
	}

	private ApplicationContextRunner runner(FakeLimeApi fake, ClientAuthentication clientAuthentication) {
		return runner(fake, clientAuthentication, SslAutoConfiguration.class, WebClientAutoConfiguration.class,
				AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class);
	}

	private ApplicationContextRunner runner(FakeLimeApi fake, ClientAuthentication clientAuthentication,
			Class<?>... autoConfigurations) {
		this.proxy = TlsProxy.start(certificates, URI.create(fake.origin()).getPort(), clientAuthentication);
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(autoConfigurations))
			.withPropertyValues("lime.site.api-base=" + this.proxy.origin() + "/api/v1",
					"lime.site.token=" + fake.siteToken(), "lime.site.max-retries=0");
	}

	private static String[] array(List<String> properties) {
		return properties.toArray(String[]::new);
	}

	private static Consumer<String> startsWith(String prefix) {
		return (line) -> assertThat(line).startsWith(prefix);
	}

	private static Stream<Throwable> causes(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
	}

}
