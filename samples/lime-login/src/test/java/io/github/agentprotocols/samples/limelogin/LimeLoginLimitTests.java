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

package io.github.agentprotocols.samples.limelogin;

import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With as many login requests kept as {@code lime-login.max-pending-logins} allows, a new
 * one is refused 429 in the page's error shape, with the time until a place is free, and
 * never reaches LIME.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "lime-login.max-pending-logins=1")
@AutoConfigureWebTestClient
@AutoConfigureFakeLimeApi
class LimeLoginLimitTests {

	@Autowired
	WebTestClient client;

	@Autowired
	FakeLimeApi lime;

	@Test
	void aLoginBeyondTheLimitIsRefused429WithoutReachingLime() {
		int created = this.lime.requests().count(Endpoint.CREATE_LOGIN_REQUEST);
		this.client.post().uri("/lime-login/requests").exchange().expectStatus().isOk();

		this.client.post()
			.uri("/lime-login/requests")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.error")
			.isEqualTo("Too many login requests are waiting here: try again later");
		assertThat(this.lime.requests().count(Endpoint.CREATE_LOGIN_REQUEST)).isEqualTo(created + 1);
	}

}
