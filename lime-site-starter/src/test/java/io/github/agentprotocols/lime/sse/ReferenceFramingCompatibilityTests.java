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

package io.github.agentprotocols.lime.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageReader;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the dispatcher's decoding (the {@link SseFrameGuard} in front of Spring's
 * {@link ServerSentEventHttpMessageReader}) yields exactly the payloads the reference
 * client's line parser (spec §4.3) yields for LIME's real framing, {@code data: <json>}
 * followed by a blank line, whatever the chunking, with or without {@code id:} lines and
 * with {@code \r\n} endings.
 */
@SpecItem("LIME-8.4")
class ReferenceFramingCompatibilityTests {

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClassWithGenerics(ServerSentEvent.class,
			String.class);

	private final Random random = new Random(42);

	@Test
	@SpecItem("LIME-7.iter_data_payloads")
	void realFramingYieldsTheReferencePayloadsWhateverTheChunking() {
		for (int round = 0; round < 200; round++) {
			byte[] stream = stream(this.random.nextInt(1, 30), "\n", this.random.nextBoolean());
			List<byte[]> chunks = chunks(stream);
			List<String> reference = referencePayloads(stream);
			assertThat(reference).isNotEmpty();
			assertThat(dispatcherPayloads(chunks)).isEqualTo(reference);
		}
	}

	@Test
	void crlfFramingYieldsTheReferencePayloads() {
		for (int round = 0; round < 50; round++) {
			byte[] stream = stream(this.random.nextInt(1, 30), "\r\n", this.random.nextBoolean());
			assertThat(dispatcherPayloads(chunks(stream))).isEqualTo(referencePayloads(stream));
		}
	}

	@Test
	void realFramingIsClassifiedAlike() {
		byte[] stream = stream(40, "\n", true);
		LimeFrameReader reader = new LimeFrameReader();
		List<FrameOutcome> reference = referencePayloads(stream).stream()
			.flatMap((payload) -> reader.read(payload, null).stream())
			.toList();
		List<FrameOutcome> dispatcher = dispatcherPayloads(chunks(stream)).stream()
			.flatMap((payload) -> reader.read(payload, null).stream())
			.toList();
		assertThat(dispatcher).isEqualTo(reference).hasSize(40);
	}

	private byte[] stream(int frames, String lineEnd, boolean ids) {
		StringBuilder stream = new StringBuilder();
		for (int i = 0; i < frames; i++) {
			if (ids) {
				stream.append("id: ").append(i).append(lineEnd);
			}
			stream.append("data: ").append(payload(i)).append(lineEnd).append(lineEnd);
		}
		return stream.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String payload(int i) {
		return switch (this.random.nextInt(4)) {
			case 0 -> "{\"type\":\"keepalive\"}";
			case 1 -> "{\"type\":\"expired\",\"login_request_id\":\"lr_" + i + "\"}";
			case 2 -> "{\"type\":\"error\",\"code\":\"CHANNEL_DOWN\",\"message\":\"r\u00e9dis \u2603 unavailable\"}";
			default -> "{\"type\":\"approved\",\"login_request_id\":\"" + UUID.randomUUID()
					+ "\",\"status\":\"approved\",\"agent_passport_jwt\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\","
					+ "\"redirect_url\":\"https://app.example/\u00fc?x=1\"}";
		};
	}

	private List<byte[]> chunks(byte[] stream) {
		List<byte[]> chunks = new ArrayList<>();
		int from = 0;
		while (from < stream.length) {
			int to = Math.min(stream.length, from + this.random.nextInt(1, 64));
			byte[] chunk = new byte[to - from];
			System.arraycopy(stream, from, chunk, 0, chunk.length);
			chunks.add(chunk);
			from = to;
		}
		return chunks;
	}

	private static List<String> dispatcherPayloads(List<byte[]> chunks) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
		Flux<DataBuffer> body = Flux.fromIterable(chunks).map(DefaultDataBufferFactory.sharedInstance::wrap);
		response.setBody(new SseFrameGuard(65536).frame(body));
		return new ServerSentEventHttpMessageReader().read(EVENT_TYPE, response, Map.of())
			.cast(ServerSentEvent.class)
			.mapNotNull((event) -> (String) event.data())
			.filter((data) -> !data.isEmpty())
			.collectList()
			.block();
	}

	/**
	 * The reference client's parser (spec §4.3): lines cut at {@code \n}, trailing
	 * {@code \r}s dropped, every {@code data:} line a payload on its own with its leading
	 * whitespace stripped, empty payloads and other lines ignored.
	 */
	private static List<String> referencePayloads(byte[] stream) {
		String buffer = new String(stream, StandardCharsets.UTF_8);
		List<String> payloads = new ArrayList<>();
		int newline;
		while ((newline = buffer.indexOf('\n')) >= 0) {
			String line = buffer.substring(0, newline).replaceAll("\r+$", "");
			buffer = buffer.substring(newline + 1);
			if (line.startsWith("data:")) {
				String payload = line.substring(5).stripLeading();
				if (!payload.isEmpty()) {
					payloads.add(payload);
				}
			}
		}
		return payloads;
	}

}
