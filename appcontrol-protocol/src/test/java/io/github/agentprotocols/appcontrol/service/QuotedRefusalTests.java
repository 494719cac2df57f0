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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolError;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.service.TwoTransports.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A refusal that quotes the request, or a tool's failure, is always an error the protocol
 * carries: a lone surrogate it quotes is escaped and a long value is cut, so the answer
 * is the 400 (or the failed observation) it owes, never a 500, the same over HTTP and
 * over the Unix socket (found by the whole-server fuzzing over the wire, issue 37).
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class QuotedRefusalTests {

	private static final String RUN = "{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
			+ "\"token\":\"" + TwoTransports.TOKEN + "\",\"command\":";

	private static final String SCREENSHOT = "{\"commandId\":\"cmd_1\",\"tool\":\"demo.desktop\","
			+ "\"operation\":\"screenshot\",\"input\":%s}";

	@Test
	void aNumberTooLongUnderALoneSurrogateKeyIsInvalidJsonOnBothTransports() throws IOException {
		// the WireFuzz finding: the key is the JSON escape of a lone surrogate
		String digits = "9".repeat(87_783);
		String request = RUN + SCREENSHOT.formatted("{\"\\ud800\":" + digits + "}") + "}";
		assertThat(bothTransports(request)).isEqualTo("invalid_json");
		ToolError error = refusal(request);
		assertThat(error.message()).startsWith("$.command.input.\\ud800 is a number longer than 4300 characters")
			.doesNotContain("9999");
	}

	@Test
	void aSurrogatePairTheParserQuotesHalfOfIsInvalidJsonOnBothTransports() throws IOException {
		// the parser's "Unexpected character" quotes the pair's first half only
		String request = RUN + "\uD885\uDFFE}";
		assertThat(bothTransports(request)).isEqualTo("invalid_json");
		assertThat(refusal(request).message()).contains("Unexpected character ('\\ud885'");
	}

	@Test
	void aDuplicateLoneSurrogateKeyIsInvalidJsonOnBothTransports() throws IOException {
		String request = RUN + SCREENSHOT.formatted("{\"\\udc00\":1,\"\\udc00\":2}") + "}";
		assertThat(bothTransports(request)).isEqualTo("invalid_json");
		assertThat(refusal(request).message()).startsWith("$.command.input has a duplicate key \"\\udc00\"");
	}

	@Test
	void aLongValueIsQuotedCut() throws IOException {
		String request = "{\"schema\":" + "7".repeat(4000) + ",\"action\":\"run\",\"token\":\"" + TwoTransports.TOKEN
				+ "\",\"command\":" + SCREENSHOT.formatted("{}") + "}";
		assertThat(bothTransports(request)).isEqualTo("invalid_request /schema const");
		assertThat(refusal(request).message()).endsWith("got " + "7".repeat(100) + "… (4000 characters)");
	}

	@Test
	void aToolFailureWhoseMessageHoldsALoneSurrogateIsAFailedObservation() {
		ToolObservation observation = runFailing(new IllegalStateException("no window \uD800 here"));
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.error().message()).isEqualTo("no window \\ud800 here");
	}

	@Test
	void aToolFailureWhoseMessageIsPythonWhiteSpaceIsNamedByItsClass() {
		ToolObservation observation = runFailing(new IllegalStateException("\u00A0"));
		assertThat(observation.status()).isEqualTo(ToolStatus.FAILED);
		assertThat(observation.error().message()).isEqualTo("IllegalStateException");
	}

	private static String bothTransports(String request) throws IOException {
		byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
		try (TwoTransports transports = new TwoTransports(1024 * 1024)) {
			Answer overHttp = transports.overHttp(bytes);
			Answer overSocket = transports.overUnixSocket(bytes, true);
			assertThat(overHttp.status()).isEqualTo(400);
			assertThat(overSocket.comparable()).as("the socket's answer").isEqualTo(overHttp.comparable());
			return overHttp.comparable();
		}
	}

	private static ToolError refusal(String request) {
		return withHost((command) -> {
			throw new AssertionError("no command runs");
		}, (host) -> {
			ServiceRejection rejection = catchThrowableOfType(ServiceRejection.class, () -> host.accept(request));
			assertThat(rejection).isNotNull();
			return rejection.getResponse().error();
		});
	}

	private static ToolObservation runFailing(RuntimeException failure) {
		String request = RUN + SCREENSHOT.formatted("{}") + "}";
		return withHost((command) -> {
			throw failure;
		}, (host) -> {
			ServiceRequest accepted = host.accept(request);
			ServiceResponse response = host.run(accepted).block(Duration.ofSeconds(10));
			return ToolObservation.fromMap(response.observation());
		});
	}

	private static <T> T withHost(Function<Object, ToolObservation> tool, Function<AppControlServiceHost, T> use) {
		try (AppControlServiceHost host = AppControlServiceHost
			.builder((command, observer) -> tool.apply(command), TwoTransports.TOKEN)
			.commandTimeout(Duration.ofSeconds(10))
			.build()) {
			return use.apply(host);
		}
	}

}
