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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter serves its browser client, {@code hpp-client.js}, from its jar: under the
 * prefix unless {@code hpp.browser-client.path} moves it, not at all with
 * {@code hpp.browser-client.enabled=false}.
 */
class BrowserClientRouteTests {

	static String module() throws IOException {
		try (InputStream in = BrowserClientRouteTests.class
			.getResourceAsStream("/io/github/agentprotocols/hpp/web/hpp-client.js")) {
			assertThat(in).as("the module in the jar").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Nested
	@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class ByDefault extends RunningServerTests {

		@Test
		void theModuleIsServedUnderThePrefixAsJavaScript() throws IOException {
			HttpProbe.Reply reply = this.http.get("/handshake/hpp-client.js", null);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
			assertThat(reply.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
			assertThat(reply.body()).isEqualTo(module()).contains("export class HandshakeClient");
		}

		@Test
		void aCopyWithTheSameETagIsNotSentAgain() {
			String eTag = this.http.get("/handshake/hpp-client.js", null)
				.response()
				.headers()
				.firstValue("ETag")
				.orElseThrow();
			assertThat(eTag).matches("\"[0-9a-f]{32}\"");
			HttpProbe.Reply again = this.http
				.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/hpp-client.js"))
					.header("If-None-Match", eTag));
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.body()).isEmpty();
			HttpProbe.Reply changed = this.http
				.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/handshake/hpp-client.js"))
					.header("If-None-Match", "\"an-earlier-version\""));
			assertThat(changed.status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "hpp.prefix=/forms/")
	class UnderAnotherPrefix extends RunningServerTests {

		@Test
		void theModuleFollowsThePrefix() throws IOException {
			assertThat(this.http.get("/forms/hpp-client.js", null).body()).isEqualTo(module());
			assertThat(this.http.get("/handshake/hpp-client.js", null).status()).isEqualTo(404);
		}

	}

	@Nested
	@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "hpp.browser-client.path=/js/handshake.js")
	class AtItsOwnPath extends RunningServerTests {

		@Test
		void thePathPropertyMovesTheModule() throws IOException {
			HttpProbe.Reply reply = this.http.get("/js/handshake.js", null);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo(module());
			assertThat(this.http.get("/handshake/hpp-client.js", null).status()).isEqualTo(404);
		}

	}

	@Nested
	@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "hpp.browser-client.enabled=false")
	class Disabled extends RunningServerTests {

		@Test
		void theModuleIsNotServed() {
			assertThat(this.http.get("/handshake/hpp-client.js", null).status()).isEqualTo(404);
			assertThat(this.http.create("{}").get("sessionId")).isNotNull();
		}

	}

}
