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

package io.github.agentprotocols.happy;

import java.time.Duration;

import io.github.agentprotocols.testsupport.AbandonedCalls;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A REST call whose subscriber leaves while its answer arrives (an event stream's client
 * leaving as a page of messages comes in) reads the answer to its end and drops no error
 * ({@link AbandonedCalls}).
 */
class AbandonedCallTests {

	@Test
	void callsAbandonedAsTheirAnswersArriveRunToTheirEndAndDropNoError() throws InterruptedException {
		try (AbandonedCalls calls = AbandonedCalls.answering("{\"messages\":[],\"hasMore\":false}")) {
			HappyRestClient rest = new HappyRestClient(WebClient.create(calls.url()), calls.url(), Mono.just("token"),
					Duration.ofSeconds(10), HappyObservations.NOOP);
			calls.abandonAndAssert(2000, () -> rest.messagesAfter("session", 0, 100));
		}
	}

}
