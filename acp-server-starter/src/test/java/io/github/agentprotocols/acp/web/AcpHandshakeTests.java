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
