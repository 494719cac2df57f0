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

package io.github.agentprotocols.appcontrol.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.appcontrol.service.TwoTransports.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a service client sending arbitrary bytes as the request envelope: as the body of
 * {@code POST /service} through {@link AppControlServiceHandler}, and as the request line
 * on the host's Unix socket ({@link UnixSocketServiceServer}, spec §8). Asserts that
 * every input gets an answer in the protocol's shape: a {@code service.response.v1}
 * envelope (after the {@code service.event.v1} lines of a stream), a failed one with a
 * 4xx status for a refusal, {@code request_too_large} above the size limit, never a 5xx,
 * a closed connection without an answer, or a wait past the bound; and that both
 * transports give a body without newlines the same answer, whether it is UTF-8 or not.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class ServiceEnvelopeFuzzTests {

	/** The size limit of both transports, low enough for the fuzzer to cross. */
	private static final int MAX_REQUEST_BYTES = 2048;

	private static TwoTransports transports;

	@BeforeAll
	static void startHosts() throws IOException {
		transports = new TwoTransports(MAX_REQUEST_BYTES);
	}

	@AfterAll
	static void stopHosts() throws IOException {
		transports.close();
	}

	@FuzzTest(maxDuration = "2m")
	void httpRequestBody(byte[] body) {
		Answer answer = transports.overHttp(body);
		if (body.length > MAX_REQUEST_BYTES) {
			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.outcome()).isEqualTo("request_too_large");
		}
	}

	@FuzzTest(maxDuration = "2m")
	void unixSocketRequestLine(byte[] line) throws IOException {
		Answer answer = transports.overUnixSocket(line, true);
		if (lineLength(line) > MAX_REQUEST_BYTES) {
			assertThat(answer.outcome()).isEqualTo("request_too_large");
		}
	}

	@FuzzTest(maxDuration = "2m")
	void bothTransportsGiveOneAnswer(byte[] input) throws IOException {
		byte[] body = withoutNewlines(input);
		Answer overHttp = transports.overHttp(body);
		Answer overSocket = transports.overUnixSocket(body, false);
		assertThat(overSocket.comparable()).as("outcome").isEqualTo(overHttp.comparable());
	}

	private static int lineLength(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	private static byte[] withoutNewlines(byte[] bytes) {
		ByteBuffer kept = ByteBuffer.allocate(bytes.length);
		for (byte b : bytes) {
			if (b != '\n') {
				kept.put(b);
			}
		}
		return Arrays.copyOf(kept.array(), kept.position());
	}

}
