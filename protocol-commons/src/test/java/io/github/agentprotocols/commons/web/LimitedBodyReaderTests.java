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

package io.github.agentprotocols.commons.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LimitedBodyReaderTests {

	private final LimitedBodyReader reader = new LimitedBodyReader(8);

	@Test
	void bodyWithinTheLimitIsReadWhole() {
		byte[] body = this.reader.read(MockServerHttpRequest.post("/").body(chunks("{\"a\":", "1}"))).block();
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
	}

	@Test
	void bodyOfExactlyTheLimitIsAccepted() {
		assertThat(this.reader.read(MockServerHttpRequest.post("/").body("12345678")).block()).hasSize(8);
	}

	@Test
	void requestWithoutABodyIsReadAsNoBytes() {
		assertThat(this.reader.read(MockServerHttpRequest.post("/").build()).block()).isEmpty();
	}

	@Test
	void streamedBodyOverTheLimitFailsWithTheLimit() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/").body(chunks("12345", "6789"));
		assertThatExceptionOfType(RequestBodyTooLargeException.class)
			.isThrownBy(() -> this.reader.read(request).block())
			.satisfies((ex) -> {
				assertThat(ex.getMaxBytes()).isEqualTo(8);
				assertThat(ex.getStatusCode().value()).isEqualTo(413);
				assertThat(ex.getMessage()).isEqualTo("request body exceeds 8 bytes");
			});
	}

	@Test
	void declaredLengthOverTheLimitFailsWithoutReadingTheBody() {
		AtomicBoolean subscribed = new AtomicBoolean();
		MockServerHttpRequest request = MockServerHttpRequest.post("/")
			.contentLength(9)
			.body(chunks("123456789").doOnSubscribe((subscription) -> subscribed.set(true)));
		assertThatExceptionOfType(RequestBodyTooLargeException.class)
			.isThrownBy(() -> this.reader.read(request).block());
		assertThat(subscribed).isFalse();
	}

	@Test
	void functionalEndpointRequestsAreReadUnderTheSameLimit() {
		assertThat(this.reader.read(serverRequest(MockServerHttpRequest.post("/").body("1234"))).block())
			.containsExactly('1', '2', '3', '4');
		assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(
				() -> this.reader.read(serverRequest(MockServerHttpRequest.post("/").body(chunks("12345", "6789"))))
					.block());
	}

	private static ServerRequest serverRequest(MockServerHttpRequest request) {
		return ServerRequest.create(MockServerWebExchange.from(request),
				HandlerStrategies.withDefaults().messageReaders());
	}

	private static Flux<DataBuffer> chunks(String... chunks) {
		return Flux.fromArray(chunks)
			.map((chunk) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
	}

}
