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

package io.github.agentprotocols.lime.client;

import java.time.Clock;
import java.time.Duration;

import io.github.agentprotocols.lime.observation.LimeApiOperation;
import io.github.agentprotocols.testsupport.AbandonedCalls;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A call to the LIME API whose subscriber leaves while its answer arrives (the site's
 * visitor closing the page as the login request's status comes in) runs to its end and
 * drops no error ({@link AbandonedCalls}).
 */
class AbandonedCallTests {

	@Test
	void callsAbandonedAsTheirAnswersArriveRunToTheirEndAndDropNoError() throws InterruptedException {
		try (AbandonedCalls calls = AbandonedCalls.answering("{\"ok\":true,\"data\":{\"id\":\"lr_1\"}}")) {
			LimeApiClient client = new LimeApiClient(WebClient.create(), calls.url(), "site-token",
					Duration.ofSeconds(10), 0, Clock.systemUTC());
			calls.abandonAndAssert(2000, () -> client.get(LimeApiOperation.LOGIN_STATUS, "login-requests/lr_1"));
		}
	}

}
