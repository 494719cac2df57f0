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

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.agentprotocols.appcontrol.service.ServiceHttp.failedEnvelope;
import static io.github.agentprotocols.appcontrol.service.ServiceHttp.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong or missing tokens are throttled per client, as HPP throttles them: past the limit
 * a client's requests answer 429 {@code rate_limited} with Retry-After until its oldest
 * failure is a minute old, while other clients are served. The clients here are loopback
 * addresses forwarded by a trusted proxy ({@code server.forward-headers-strategy}), as
 * each test needs clients of its own.
 */
@SpringBootTest(classes = DesktopToolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "app-control.service.enabled=true", "app-control.service.token=local-service-token",
				"app-control.service.max-failed-tokens-per-minute=3", "server.forward-headers-strategy=framework" })
class AppControlServiceThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDesktopTool tool;

	@Test
	void clientPastTheLimitIsRefusedWhileOthersAreServed() throws Exception {
		String attacker = "127.0.0.5";
		for (int i = 0; i < 3; i++) {
			failedEnvelope(from(attacker, run("cmd_guess_" + i, "guess-" + i)), 401, "invalid_request");
		}
		HttpResponse<String> refused = from(attacker, run("cmd_after_guesses", "local-service-token"));
		failedEnvelope(refused, 429, "rate_limited");
		assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
		assertThat(this.tool.ran).doesNotContain("cmd_after_guesses");
		assertThat(from("127.0.0.6", run("cmd_other_client", "local-service-token")).statusCode()).isEqualTo(200);
		assertThat(this.tool.ran).contains("cmd_other_client");
	}

	@Test
	void missingTokensCountAndOtherRefusalsDoNot() throws Exception {
		String client = "127.0.0.7";
		for (int i = 0; i < 5; i++) {
			failedEnvelope(from(client, "not json"), 400, "invalid_json");
			failedEnvelope(
					from(client,
							"{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\","
									+ "\"requestId\":\"req_unknown\",\"token\":\"local-service-token\"}"),
					404, "not_found");
		}
		assertThat(from(client, run("cmd_still_served", "local-service-token")).statusCode()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			failedEnvelope(from(client, "{\"schema\":\"app_control.service.request.v1\",\"action\":\"poll\","
					+ "\"requestId\":\"req_no_token\"}"), 401, "invalid_request");
		}
		failedEnvelope(from(client, "not json"), 429, "rate_limited");
	}

	private HttpResponse<String> from(String client, String body) throws Exception {
		return new ServiceHttp(this.port).postFromLoopback(body, "X-Forwarded-For", client);
	}

}
