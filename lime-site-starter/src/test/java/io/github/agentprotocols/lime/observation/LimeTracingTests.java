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

package io.github.agentprotocols.lime.observation;

import java.time.Duration;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The span trees of LIME agent login with real tracing ({@link RecordedSpans}) against
 * the {@link FakeLimeApi}: the traceparent LIME receives, and an event's spans from its
 * frame through the handler to the passport verification and JWKS fetch the handler
 * makes.
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeTracingTests {

	private final RecordedSpans spans = RecordedSpans.start();

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
		this.spans.close();
	}

	@Test
	void loginRequestSpanIsTheCallersChildAndItsTraceparentReachesLime(FakeLimeApi fake) {
		LimeSite site = site(fake, WebClient.create());
		Observation caller = Observation.start("site.sign-in", this.spans.observationRegistry());
		site.createLoginRequest()
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block();
		caller.stop();
		SpanData login = this.spans.awaitSpan("lime.login.request");
		this.spans.assertChildOf(login, this.spans.awaitSpan("site.sign-in"));
		assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(0).header("traceparent"))
			.startsWith(traceparent(login));
	}

	@Test
	void observedWebClientAddsOneSpanPerAttemptUnderTheLoginRequestAndLimeJoinsThat(FakeLimeApi fake) {
		ObservationRegistry registry = this.spans.observationRegistry();
		site(fake, WebClient.builder().observationRegistry(registry).build()).createLoginRequest().block();
		SpanData login = this.spans.awaitSpan("lime.login.request");
		SpanData exchange = this.spans.awaitSpan("http post");
		this.spans.assertChildOf(exchange, login);
		assertThat(fake.requests().of(Endpoint.CREATE_LOGIN_REQUEST).get(0).header("traceparent"))
			.startsWith(traceparent(exchange));
	}

	@Test
	void eventSpanIsTheParentOfTheHandlersAndOfWhatTheHandlerCalls(FakeLimeApi fake) {
		ObservationRegistry registry = this.spans.observationRegistry();
		LimeSite site = site(fake, WebClient.create());
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.observationRegistry(registry)
			.handler((requestId, passportJwt) -> site.blocking().verifyPassport(passportJwt, requestId))
			.build();
		this.dispatcher.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		String requestId = fake.createLoginRequestDirectly();
		fake.agent().approve(requestId);
		SpanData event = this.spans.awaitSpan("lime.event.delivery");
		SpanData handler = this.spans.awaitSpan("lime.event.handler");
		SpanData verification = this.spans.awaitSpan("lime.passport.verification");
		SpanData jwks = this.spans.awaitSpan("lime.jwks.fetch");
		assertThat(event.getParentSpanContext().isValid()).as(this.spans.tree()).isFalse();
		this.spans.assertChildOf(handler, event);
		this.spans.assertChildOf(verification, handler);
		this.spans.assertChildOf(jwks, verification);
		assertThat(fake.requests().of(Endpoint.JWKS).get(0).header("traceparent")).startsWith(traceparent(jwks));
	}

	@Test
	void inTheAutoConfiguredApplicationTheHandlerBeansSpanIsTheEventsChildAndParentsItsVerification(FakeLimeApi fake) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken())
			.withBean(ObservationRegistry.class, this.spans::observationRegistry)
			.withUserConfiguration(VerifyingHandlerConfiguration.class)
			.run((context) -> {
				await().atMost(Duration.ofSeconds(10)).until(() -> fake.openStreams() > 0);
				String requestId = fake.createLoginRequestDirectly();
				fake.agent().approve(requestId);
				SpanData verification = this.spans.awaitSpan("lime.passport.verification");
				SpanData handler = this.spans.awaitSpan("the handler that verified",
						(span) -> span.getSpanId().equals(verification.getParentSpanId()));
				assertThat(handler.getName()).isEqualTo("lime.event.handler");
				this.spans.assertChildOf(handler, this.spans.awaitSpan("lime.event.delivery"));
				this.spans.assertChildOf(this.spans.awaitSpan("lime.jwks.fetch"), verification);
			});
	}

	private LimeSite site(FakeLimeApi fake, WebClient webClient) {
		return LimeSite.builder()
			.siteToken(fake.siteToken())
			.apiBase(fake.baseUrl())
			.webClient(webClient)
			.observationRegistry(this.spans.observationRegistry())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class VerifyingHandlerConfiguration {

		@Bean
		LimeLoginHandler verifyingHandler(LimeSite site) {
			return (requestId, passportJwt) -> site.blocking().verifyPassport(passportJwt, requestId);
		}

	}

	/**
	 * The W3C traceparent naming a span, up to its flags.
	 */
	private static String traceparent(SpanData span) {
		return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-";
	}

}
