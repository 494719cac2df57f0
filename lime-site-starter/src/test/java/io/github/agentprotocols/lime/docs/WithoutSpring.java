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
import java.time.Duration;

import io.github.agentprotocols.lime.BindingRequest;
import io.github.agentprotocols.lime.LimeLoginBroadcast;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeMetrics;
import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The page's examples without Spring: a {@link LimeSite} and a
 * {@link LimeEventDispatcher} built by hand.
 */
final class WithoutSpring {

	private static final Logger log = LoggerFactory.getLogger(WithoutSpring.class);

	private WithoutSpring() {
	}

	static LimeSite site(String token) {
		// tag::site[]
		LimeSite lime = LimeSite.builder()
			.siteToken(token) // else LIME_SITE_TOKEN
			.apiBase("https://lime.pics/api/v1") // else LIME_API_BASE, else this default
			.timeout(Duration.ofSeconds(30))
			.maxRetries(3)
			.passportVerifier((verifier) -> verifier.leeway(Duration.ofSeconds(30)).issuer("https://lime.pics"))
			.build(); // no I/O yet; LimeAuthenticationException without a token
		// end::site[]
		return lime;
	}

	static LoginRequest calls(LimeSite lime, String jwt, String requestId, String passportFromRedirect) {
		// tag::calls[]
		Mono<LoginRequest> request = lime.createLoginRequest();
		Mono<Passport> passport = lime.verifyPassport(jwt, requestId);
		Mono<BindingRequest> binding = lime.createBindingRequest(URI.create("https://app.example/callback"));
		// LIME 2.0: match binding_id yourself
		Mono<Passport> bound = lime.verifyBindingPassport(passportFromRedirect);

		// the blocking view, same calls
		LoginRequest created = lime.blocking().createLoginRequest();
		// end::calls[]
		return created;
	}

	static LimeEventDispatcher dispatcher(String token, String apiBase, LimeLoginHandler handler, LimeMetrics metrics,
			LimeLoginBroadcast broadcast) {
		// tag::dispatcher[]
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder(token)
			.apiBase(apiBase)
			.handler(handler) // (requestId, passportJwt), a null passport for an expiry
			.stateListener((state) -> log.info("LIME stream {}", state.status()))
			.metrics(metrics) // optional: deliveries, reconnects, each handler timed
			.broadcast(broadcast) // optional: run after every handler
			.build();
		// idempotent; stop() is too, and the dispatcher can start again after it
		dispatcher.start();
		// end::dispatcher[]
		return dispatcher;
	}

}
