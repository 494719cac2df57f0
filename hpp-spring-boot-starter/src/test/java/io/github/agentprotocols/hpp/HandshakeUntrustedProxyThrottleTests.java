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

package io.github.agentprotocols.hpp;

import java.net.URI;
import java.net.http.HttpRequest;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.agentprotocols.hpp.HandshakeProtocolTests.assertError;

/**
 * Without a forward-headers strategy, X-Forwarded-For is not trusted: a client cannot
 * escape the failed-token throttle by varying it.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hpp.limits.max-failed-tokens-per-minute=2")
@SpecItem("HPP-11.2.5")
class HandshakeUntrustedProxyThrottleTests extends RunningServerTests {

	@Test
	void forwardedForIsIgnored() {
		Session s = create("{}");
		for (int i = 0; i < 2; i++) {
			assertError(context(s, "wrong", "203.0.113." + i), 403, "invalid token");
		}
		assertError(context(s, s.token(), "198.51.100.7"), 429, "rate limit exceeded");
	}

	private HttpProbe.Reply context(Session s, String token, String forwardedFor) {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/context/" + s.sid()))
			.header("X-Handshake-Token", token)
			.header("X-Forwarded-For", forwardedFor));
	}

}
