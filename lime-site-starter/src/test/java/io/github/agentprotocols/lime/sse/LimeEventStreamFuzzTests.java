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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.testsupport.SpecItem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the bytes of the LIME event stream, through a
 * {@link LimeEventDispatcher} whose {@link WebClient} answers the stream's request with
 * them: the dispatcher's frame guard, Spring's SSE reader and the frame reader see them
 * as they would arrive from the network. The input is the stream, its network writes
 * separated by {@code 0xFF} (a byte that UTF-8 never holds, dropped); after it the stream
 * carries a well-formed frame, then ends. Whatever the bytes, that frame must reach the
 * handler (a frame that broke the stream would lose it), and the stream must end only
 * because it ended: no frame may fail the connection. The frame limit is 1 KiB, so that
 * the fuzzer's inputs reach it.
 * <p>
 * Regression mode (the default) runs the inputs under
 * {@code src/test/resources/io/github/agentprotocols/lime/sse/LimeEventStreamFuzzTestsInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (contributing/fuzzing.md).
 */
@SpecItem("LIME-8.3")
@SpecItem("LIME-8.4")
class LimeEventStreamFuzzTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final String SENTINEL = "lr_sentinel";

	private static final byte[] SENTINEL_FRAME = ("\n\ndata: {\"type\":\"expired\",\"login_request_id\":\"" + SENTINEL
			+ "\"}\n\n")
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * The bytes of the event stream.
	 * @param stream the bytes, {@code 0xFF} between network writes
	 * @throws Exception if waiting fails
	 */
	@FuzzTest
	@DictionaryEntries({ "data: ", "data:", "id: ", "event: ", "retry: ", ": keepalive", "{\"type\":\"approved\",",
			"{\"type\":\"expired\",", "{\"type\":\"keepalive\"}", "{\"type\":\"error\",", "\"login_request_id\":",
			"\"agent_passport_jwt\":", "\"code\":", "\"message\":", "\"lr_1\"", "\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"" })
	void eventStream(byte[] stream) throws Exception {
		CompletableFuture<Void> sentinel = new CompletableFuture<>();
		CompletableFuture<LimeConnectionState> ended = new CompletableFuture<>();
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder("st_fuzz")
			.apiBase("http://lime.invalid/api/v1")
			.webClient(WebClient.builder().exchangeFunction((request) -> Mono.just(answer(stream))).build())
			.backoffBase(Duration.ofHours(1))
			.maxBackoff(Duration.ofHours(1))
			.maxFrameSize(DataSize.ofKilobytes(1))
			.handler((requestId, passport) -> {
				if (SENTINEL.equals(requestId) && passport == null) {
					sentinel.complete(null);
				}
			})
			.stateListener((state) -> {
				if (state.status() == Status.RECONNECTING || state.status() == Status.AUTH_REJECTED) {
					ended.complete(state);
				}
			})
			.build();
		dispatcher.start();
		try {
			LimeConnectionState state = ended.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(state.status()).isEqualTo(Status.RECONNECTING);
			Throwable failure = state.lastFailure();
			assertThat(failure).as("why the stream ended").isNotNull();
			if (!failure.getClass().getSimpleName().equals("StreamEndedException")) {
				throw new AssertionError("the stream failed rather than ended: " + failure, failure);
			}
			sentinel.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		}
		finally {
			dispatcher.stop();
		}
	}

	private static ClientResponse answer(byte[] stream) {
		return ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
			.body(Flux.fromIterable(writes(stream)).map(LimeEventStreamFuzzTests::buffer))
			.build();
	}

	static List<byte[]> writes(byte[] stream) {
		List<byte[]> writes = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= stream.length; i++) {
			if (i == stream.length || stream[i] == (byte) 0xFF) {
				if (i > start) {
					writes.add(Arrays.copyOfRange(stream, start, i));
				}
				start = i + 1;
			}
		}
		writes.add(SENTINEL_FRAME);
		return writes;
	}

	private static DataBuffer buffer(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

}
