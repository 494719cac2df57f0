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

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SseFrameGuard}: events cut whole from the byte stream, line endings
 * normalized, bad frames dropped.
 */
class SseFrameGuardTests {

	private final SseFrameGuard guard = new SseFrameGuard(100);

	@Test
	@SpecItem("LIME-7.iter_data_payloads")
	void frameIsPassedOnOnceItsBlankLineArrives() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		List<String> frames = new ArrayList<>();
		this.guard.frame(body.asFlux()).map(SseFrameGuardTests::text).subscribe(frames::add);
		body.tryEmitNext(buffer("data: {\"type\":\"kee"));
		assertThat(frames).isEmpty();
		body.tryEmitNext(buffer("palive\"}\n"));
		assertThat(frames).isEmpty();
		body.tryEmitNext(buffer("\ndata: {}\n\nda"));
		assertThat(frames).containsExactly("data: {\"type\":\"keepalive\"}\n\n", "data: {}\n\n");
	}

	@Test
	@SpecItem("LIME-8.4")
	void crlfAndCrLineEndingsBecomeLf() {
		assertThat(frame("id: 1\r\ndata: a\r\ndata: b\r\n\r\n", "id: 2\rdata: c\r\r", "data: d\n\n"))
			.containsExactly("id: 1\ndata: a\ndata: b\n\n", "id: 2\ndata: c\n\n", "data: d\n\n");
	}

	@Test
	@SpecItem("LIME-8.4")
	void crlfSplitAcrossChunksIsOneLineEnding() {
		assertThat(frame("data: a\r", "\ndata: b\r", "\n\r", "\n")).containsExactly("data: a\ndata: b\n\n");
	}

	@Test
	@SpecItem("LIME-8.3")
	void oversizedFrameIsDroppedAndTheNextOnePasses() {
		String big = "data: " + "x".repeat(60) + "\ndata: " + "y".repeat(60) + "\nid: 3\n\n";
		assertThat(frame(big, "data: small\n\n")).containsExactly("data: small\n\n");
	}

	@Test
	void frameOfExactlyTheLimitPasses() {
		String line = "data: " + "x".repeat(94);
		assertThat(frame(line + "\n\n")).containsExactly(line + "\n\n");
		assertThat(frame(line + "x\n\n")).isEmpty();
	}

	@Test
	void frameThatIsNotUtf8IsDroppedAndTheNextOnePasses() {
		byte[] bad = "data: {\"message\":\"\u00ff\u00fe\"}\n\n".getBytes(StandardCharsets.ISO_8859_1);
		Flux<DataBuffer> body = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bad),
				buffer("data: {\"message\":\"\u00e9\"}\n\n"));
		assertThat(this.guard.frame(body).map(SseFrameGuardTests::text).collectList().block())
			.containsExactly("data: {\"message\":\"\u00e9\"}\n\n");
	}

	@Test
	@SpecItem("LIME-8.4")
	void multibyteCharacterSplitAcrossChunksPasses() {
		byte[] bytes = "data: \u00e9\n\n".getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> body = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(slice(bytes, 0, 7)),
				DefaultDataBufferFactory.sharedInstance.wrap(slice(bytes, 7, bytes.length)));
		assertThat(this.guard.frame(body).map(SseFrameGuardTests::text).collectList().block())
			.containsExactly("data: \u00e9\n\n");
	}

	@Test
	@SpecItem("LIME-7.iter_data_payloads")
	void incompleteFrameAtTheEndIsDiscarded() {
		assertThat(frame("data: {\"a\":1}\n\n", "data: {\"b\":2}\n")).containsExactly("data: {\"a\":1}\n\n");
	}

	@Test
	void commentsAreDroppedAndCommentOnlyBlocksVanish() {
		assertThat(frame(": ping\n\n", ":\ndata: a\n: note\n\n")).containsExactly("data: a\n\n");
	}

	@Test
	@SpecItem("LIME-8.3")
	void retryThatIsNotANumberIsDropped() {
		assertThat(frame("retry: soon\ndata: a\n\n", "retry:-1\ndata: b\n\n", "retry: 1500\ndata: c\n\n",
				"retry:99999999999999999999\ndata: d\n\n"))
			.containsExactly("data: a\n\n", "data: b\n\n", "retry: 1500\ndata: c\n\n", "data: d\n\n");
	}

	@Test
	void blankLinesBetweenFramesYieldNothing() {
		assertThat(frame("\n\n\r\n", "data: a\n\n\n\n")).containsExactly("data: a\n\n");
	}

	private List<String> frame(String... chunks) {
		Flux<DataBuffer> body = Flux.fromArray(chunks).map(SseFrameGuardTests::buffer);
		return this.guard.frame(body).map(SseFrameGuardTests::text).collectList().block();
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(DataBuffer buffer) {
		return buffer.toString(StandardCharsets.UTF_8);
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		byte[] slice = new byte[to - from];
		System.arraycopy(bytes, from, slice, 0, slice.length);
		return slice;
	}

}
