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

package io.github.agentprotocols.commons.ai.mcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code Origin} check of the MCP endpoint: a request with the token is served
 * without an {@code Origin}, from the endpoint's own origin or from an allowed one, and
 * refused in the guard's shape (403) from any other, or with an {@code Origin} that is
 * not one.
 */
class McpEndpointFilterOriginTests {

	private static final String TOKEN = "origin-tests-token-0123456789";

	private static final String FOREIGN = "{\"error\":\"origin_not_allowed\"}";

	private final McpEndpointFilter filter = new McpEndpointFilter(
			List.of(new Guard(List.of("https://app.example.com", "HTTP://Tools.Example.com:8080"))),
			new McpSessionGrants());

	@Test
	void aRequestWithoutOriginIsServed() {
		assertThat(send(request())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "HTTP://127.0.0.1:8080" })
	void aRequestFromTheEndpointsOwnOriginIsServed(String origin) {
		assertThat(send(request().header(HttpHeaders.ORIGIN, origin))).isNull();
	}

	@Test
	void theEndpointsOwnOriginHasItsDefaultPortLeftOut() {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("https://mcp.example.com:443/mcp")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.header(HttpHeaders.ORIGIN, "https://mcp.example.com");
		assertThat(send(request)).isNull();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "https://app.example.com", "https://app.example.com:443", "http://tools.example.com:8080" })
	void aRequestFromAnAllowedOriginIsServed(String origin) {
		assertThat(send(request().header(HttpHeaders.ORIGIN, origin))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://evil.example.com", "http://127.0.0.1:9090", "https://127.0.0.1:8080",
			"http://app.example.com", "http://tools.example.com" })
	void aRequestFromAnotherOriginIsRefusedWhateverItsToken(String origin) {
		assertThat(send(request().header(HttpHeaders.ORIGIN, origin))).isEqualTo(FOREIGN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "", "127.0.0.1:8080", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/mcp",
			"http://user@127.0.0.1:8080", "http://127.0.0.1:8080?", "http://127.0.0.1:8080#", "http://127.0.0.1:80 80",
			"http://under_score:8080" })
	void aRequestWithAnOriginThatIsNoneIsRefused(String origin) {
		assertThat(send(request().header(HttpHeaders.ORIGIN, origin))).isEqualTo(FOREIGN);
	}

	@Test
	void aRequestWithTwoOriginsIsRefused() {
		assertThat(send(request().header(HttpHeaders.ORIGIN, "http://127.0.0.1:8080", "http://127.0.0.1:8080")))
			.isEqualTo(FOREIGN);
	}

	@Test
	void aRequestFromAnotherOriginWithoutATokenIsRefusedForItsOrigin() {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("http://127.0.0.1:8080/mcp")
			.header(HttpHeaders.ORIGIN, "http://evil.example.com");
		assertThat(send(request)).isEqualTo(FOREIGN);
	}

	@Test
	void anAllowedOriginThatIsNoneFailsNamingItsProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new Guard(List.of("https://app.example.com", "https://app.example.com/")))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("test.mcp-allowed-origins");
				assertThat(ex.getValue()).isEqualTo("https://app.example.com/");
				assertThat(ex.getReason()).contains("scheme://host[:port]");
			});
	}

	private static MockServerHttpRequest.BaseBuilder<?> request() {
		return MockServerHttpRequest.post("http://127.0.0.1:8080/mcp")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
	}

	/**
	 * Filters a request.
	 * @return the refusal's body, or null when the request went on
	 */
	private @Nullable String send(MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		AtomicBoolean served = new AtomicBoolean();
		this.filter.filter(exchange, (next) -> {
			served.set(true);
			return Mono.empty();
		}).block();
		if (served.get()) {
			return null;
		}
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		return exchange.getResponse().getBodyAsString().block();
	}

	private static final class Guard extends McpTokenGuard {

		Guard(List<String> allowedOrigins) {
			super("test", Set.of("/mcp"), TOKEN, new McpOriginPolicy("test.mcp-allowed-origins", allowedOrigins));
		}

		@Override
		protected Mono<Void> foreignOrigin(ServerWebExchange exchange) {
			return refuse(exchange, HttpStatus.FORBIDDEN, FOREIGN.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		protected Mono<Void> unauthorized(ServerWebExchange exchange) {
			return refuse(exchange, HttpStatus.UNAUTHORIZED, "{}".getBytes(StandardCharsets.UTF_8));
		}

	}

}
