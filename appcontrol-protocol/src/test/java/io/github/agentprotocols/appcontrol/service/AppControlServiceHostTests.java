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

import java.math.BigInteger;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link AppControlServiceHost} reads request text, whatever the transport.
 */
class AppControlServiceHostTests {

	private static final String REQUEST = "{\"schema\":\"app_control.service.request.v1\",\"action\":\"run\","
			+ "\"token\":\"local-service-token\",\"command\":{\"commandId\":\"cmd_digits\",\"tool\":\"t\","
			+ "\"operation\":\"open_app\",\"input\":{\"n\":%s}}}";

	@Test
	void tokenShorterThanTheMinimumIsRefused() {
		FakeDesktopTool tool = new FakeDesktopTool();
		for (String token : new String[] { "abc", "fifteen-chars-x", "\ud83d\udd11".repeat(15) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> AppControlServiceHost.builder(tool, token))
				.withMessageContaining("at least 16");
		}
		AppControlServiceHost.builder(tool, "sixteen-chars-ok").build().close();
	}

	@Test
	void loneSurrogateIsAnInvalidRequestThatRunsNothing() {
		FakeDesktopTool tool = new FakeDesktopTool();
		try (AppControlServiceHost host = AppControlServiceHost.builder(tool, "local-service-token")
			.commandTimeout(Duration.ofSeconds(5))
			.resultTtl(Duration.ofMinutes(1))
			.maxStoredResults(10)
			.build()) {
			assertThatExceptionOfType(ServiceRejection.class)
				.isThrownBy(() -> host.accept(REQUEST.formatted("\"a\\ud800\"")))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(400);
					assertThat(ex.getResponse().error().failureKind()).isEqualTo("invalid_request");
					assertThat(ex.getResponse().error().evidence()).containsEntry("pointer", "/command/input/n")
						.containsEntry("keyword", "unicode");
				});
			assertThat(tool.runs).hasValue(0);
		}
	}

	@Test
	void numberLongerThanPythonReadsIsInvalidJsonThatSaysWhy() {
		try (AppControlServiceHost host = AppControlServiceHost.builder(new FakeDesktopTool(), "local-service-token")
			.commandTimeout(Duration.ofSeconds(5))
			.resultTtl(Duration.ofMinutes(1))
			.maxStoredResults(10)
			.build()) {
			String digits = "7".repeat(4300);
			ServiceRequest accepted = host.accept(REQUEST.formatted(digits));
			assertThat(accepted.command().input()).containsEntry("n", new BigInteger(digits));
			assertThatExceptionOfType(ServiceRejection.class)
				.isThrownBy(() -> host.accept(REQUEST.formatted(digits + "7")))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(400);
					assertThat(ex.getResponse().error().failureKind()).isEqualTo("invalid_json");
					assertThat(ex.getResponse().error().message())
						.startsWith("$.command.input.n is a number longer than 4300 characters");
				});
		}
	}

}
