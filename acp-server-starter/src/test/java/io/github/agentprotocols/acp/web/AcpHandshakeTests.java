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

package io.github.agentprotocols.acp.web;

import java.net.URI;

import io.github.agentprotocols.acp.HandshakeData;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AcpHandshakeTests {

	private static HttpHeaders tagged() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Authorization", "Bearer t");
		headers.add("X-Tag", "one");
		headers.add("x-tag", "two");
		return headers;
	}

	@Test
	void restHandshakeHasLowerCasedHeadersRepeatedOnesJoinedAndFirstQueryValues() {
		MockServerRequest request = MockServerRequest.builder()
			.method(HttpMethod.GET)
			.uri(URI.create("/acp/threads?token=a&token=b&x=1"))
			.headers(tagged())
			.queryParam("token", "a")
			.queryParam("token", "b")
			.queryParam("x", "1")
			.build();
		HandshakeData handshake = AcpHandlers.handshake(request);
		assertThat(handshake.headers()).containsEntry("authorization", "Bearer t").containsEntry("x-tag", "one, two");
		assertThat(handshake.header("AUTHORIZATION")).isEqualTo("Bearer t");
		assertThat(handshake.query()).containsEntry("token", "a").containsEntry("x", "1");
		assertThat(handshake.auth()).isEmpty();
		assertThat(handshake.transport()).isEqualTo("rest");
	}

}
