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

package io.github.agentprotocols.lime.docs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.lime.InvalidPassportException;
import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.autoconfigure.LimeAutoConfiguration;
import io.github.agentprotocols.lime.docs.BrowserLogins.PendingBrowser;
import io.github.agentprotocols.lime.metrics.MicrometerLimeMetrics;
import io.github.agentprotocols.lime.site.BlockingLimeSite;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.LoginRequestStatus;
import io.github.agentprotocols.testsupport.CodeSnippets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every Java block of the LIME reference (docs/reference/lime.md) and of its how-to pages
 * (docs/how-to) is a copy of a tagged region of this package's sources, which compile,
 * and the examples without Spring do what the pages say ({@link AgentLoginTests} runs the
 * Spring ones).
 */
@ExtendWith(FakeLimeApiExtension.class)
class LimeDocsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<Path> PAGES = List.of(Path.of("../docs/reference/lime.md"),
			Path.of("../docs/how-to/run-three-instances-of-a-lime-site.md"),
			Path.of("../docs/how-to/verify-lime-passports-in-your-own-endpoints.md"),
			Path.of("../docs/how-to/test-a-lime-login-without-a-lime-account.md"));

	@Test
	void everyJavaBlockOfThePagesIsACopyOfACompiledSource() {
		assertThat(PAGES).allSatisfy((page) -> assertThat(CodeSnippets.disagreements(page, Path.of(""))).isEmpty());
	}

	@Test
	void handlerBeanCompletesThePendingLoginWithThePassportOrAnExpiry() {
		PendingLogins pending = new PendingLogins();
		LimeLoginHandler handler = new LoginHandlerConfiguration().completePendingLogins(pending);
		handler.onLogin("req-1", "jwt-1");
		handler.onLogin("req-2", null);
		assertThat(pending.outcome("req-1")).contains("jwt-1");
		assertThat(pending.outcome("req-2")).isEmpty();
	}

	@Test
	void conventionBeanAddsTheMethodToTheObservationOfEveryCallToLime(FakeLimeApi fake) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
			.withUserConfiguration(ObservationConventionConfiguration.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken())
			.run((context) -> context.getBean(LimeSite.class).blocking().createLoginRequest());
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("lime.login.request")
			.that()
			.hasLowCardinalityKeyValue("http.method", "POST")
			.hasLowCardinalityKeyValue("outcome", "success");
	}

	@Test
	void verifierCustomizerRefusesThePassportOfAnAgentWithTooLowAReputation(FakeLimeApi fake) {
		String reputable = fake.passports().login("req-reputable");
		String unknown = fake.passports()
			.sign(fake.passports().loginClaims("req-unknown").claim("agent_reputation", 2).build());
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, LimeAutoConfiguration.class))
			.withUserConfiguration(ReputableAgentsConfiguration.class)
			.withPropertyValues("lime.site.api-base=" + fake.baseUrl(), "lime.site.token=" + fake.siteToken())
			.run((context) -> {
				BlockingLimeSite site = context.getBean(LimeSite.class).blocking();
				assertThat(site.verifyPassport(reputable, "req-reputable").agentId()).isEqualTo(fake.agentId());
				assertThatExceptionOfType(InvalidPassportException.class)
					.isThrownBy(() -> site.verifyPassport(unknown, "req-unknown"))
					.withMessage("agent_reputation below 5");
			});
	}

	@Test
	void siteBuiltWithoutSpringTalksToTheConfiguredApiWithoutIoAtBuildTime() {
		assertThat(WithoutSpring.site("st_docs").getApiBase()).isEqualTo("https://lime.pics/api/v1");
	}

	@Test
	void callsWithoutSpringCreateALoginRequestAtLime(FakeLimeApi fake) {
		LoginRequest created = WithoutSpring.calls(site(fake), "jwt", "req", "passport");
		assertThat(fake.status(created.requestId())).isEqualTo(LoginRequestStatus.PENDING);
	}

	@Test
	void dispatcherWithoutSpringHandsAnApprovalToTheHandlerTheMetricsAndTheBroadcast(FakeLimeApi fake)
			throws InterruptedException {
		BlockingQueue<String> handled = new LinkedBlockingQueue<>();
		BlockingQueue<String> broadcast = new LinkedBlockingQueue<>();
		LimeLoginHandler handler = (requestId, passportJwt) -> handled.add(requestId);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		LimeEventDispatcher dispatcher = WithoutSpring.dispatcher(fake.siteToken(), fake.baseUrl(), handler,
				new MicrometerLimeMetrics(registry), (requestId, passportJwt) -> broadcast.add(requestId));
		try {
			await().atMost(WAIT).until(() -> fake.openStreams() > 0);
			String requestId = fake.createLoginRequestDirectly();
			fake.agent().approve(requestId);
			assertThat(handled.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(requestId);
			assertThat(broadcast.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(requestId);
			assertThat(registry.get("lime.events").tag("type", "approved").counter().count()).isOne();
		}
		finally {
			dispatcher.stop();
		}
	}

	@Test
	void broadcastListenerSignsInTheWaitingBrowserAndIgnoresOthers(FakeLimeApi fake) {
		RecordingBrowser browser = new RecordingBrowser();
		BrowserLogins logins = waitingFor("req-1", browser, fake);
		logins.outcome(new LimeLoginBroadcastEvent("req-2", fake.passports().login("req-2")));
		assertThat(browser.outcomes).isEmpty();
		logins.outcome(new LimeLoginBroadcastEvent("req-1", fake.passports().login("req-1")));
		assertThat(browser.outcomes).containsExactly("signed in " + fake.agentId());
	}

	@Test
	void broadcastListenerTellsTheWaitingBrowserOfAnExpiry(FakeLimeApi fake) {
		RecordingBrowser browser = new RecordingBrowser();
		BrowserLogins logins = waitingFor("req-1", browser, fake);
		logins.outcome(new LimeLoginBroadcastEvent("req-1", null));
		assertThat(browser.outcomes).containsExactly("expired");
	}

	@Test
	void bindingCallbackAcceptsTheVerifiedPassportOfABindingItStartedOnce(FakeLimeApi fake) {
		WebTestClient client = WebTestClient.bindToController(new AgentBindingController(site(fake))).build();
		Map<String, String> started = client.post()
			.uri("/agent-binding")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody();
		String bindingId = UriComponentsBuilder.fromUriString(started.get("connectUrl"))
			.build()
			.getQueryParams()
			.getFirst("binding_id");
		URI redirect = fake.completeBinding(bindingId);
		assertThat(redirect).hasPath("/agent-binding/callback");
		String passport = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().getFirst("passport");
		callback(client, passport).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Bound to agent " + fake.agentId());
		callback(client, passport).expectStatus().isUnauthorized();
	}

	@Test
	void bindingCallbackRefusesThePassportOfAnotherBindingOrOfALogin(FakeLimeApi fake) {
		WebTestClient client = WebTestClient.bindToController(new AgentBindingController(site(fake))).build();
		callback(client, fake.passports().binding("bnd-elsewhere")).expectStatus().isForbidden();
		callback(client, fake.passports().login("req-1")).expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.isEqualTo("Invalid passport");
	}

	private static WebTestClient.ResponseSpec callback(WebTestClient client, String passport) {
		return client.get()
			.uri((uri) -> uri.path("/agent-binding/callback").queryParam("passport", passport).build())
			.exchange();
	}

	private static BrowserLogins waitingFor(String requestId, PendingBrowser browser, FakeLimeApi fake) {
		BrowserLogins logins = new BrowserLogins(site(fake));
		logins.waitFor(requestId, browser);
		return logins;
	}

	private static LimeSite site(FakeLimeApi fake) {
		return LimeSite.builder().apiBase(fake.baseUrl()).siteToken(fake.siteToken()).build();
	}

	private static final class RecordingBrowser implements PendingBrowser {

		private final List<String> outcomes = new CopyOnWriteArrayList<>();

		@Override
		public void signIn(Passport passport) {
			this.outcomes.add("signed in " + passport.agentId());
		}

		@Override
		public void expired() {
			this.outcomes.add("expired");
		}

	}

}
