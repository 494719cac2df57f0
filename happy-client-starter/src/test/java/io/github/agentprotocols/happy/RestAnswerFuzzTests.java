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
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.happy.core.HappyCredentials;
import io.github.agentprotocols.happy.core.HappyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Plays a Happy server answering the client's REST calls (spec §4) with any status and
 * body: {@link ReactiveHappyClient}'s {@code WebClient} gets them from a stubbed exchange
 * function, for the call the first byte picks (listing sessions, one session, its
 * messages, machines, the health probe); the second byte picks the status, the rest is
 * the body, answered to every request of the call. Asserts that the call completes or
 * fails with a {@link HappyException} other than {@link HappyConnectionException} (there
 * is no network to fail) within its bound; never another exception, never a hang.
 */
class RestAnswerFuzzTests {

	/** The master secret of the records in the seeds: bytes 0 to 31. */
	private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final int[] STATUSES = { 200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503 };

	private static final Duration BOUND = Duration.ofSeconds(10);

	@FuzzTest(maxDuration = "2m")
	void restAnswer(byte[] input) {
		if (input.length < 2) {
			return;
		}
		HttpStatusCode status = HttpStatusCode.valueOf(STATUSES[(input[1] & 0xff) % STATUSES.length]);
		byte[] body = Arrays.copyOfRange(input, 2, input.length);
		WebClient.Builder webClient = WebClient.builder()
			.exchangeFunction(
					(request) -> Mono
						.fromSupplier(() -> ClientResponse.create(status)
							.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
							.body(Flux
								.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.clone()))))
							.build())
						// as off the network: the calling thread is free to give up at
						// the bound
						.subscribeOn(Schedulers.parallel()));
		try (ReactiveHappyClient client = ReactiveHappyClient
			.builder(HappyCredentials.of("https://happy.test", "token", SECRET))
			.webClient(webClient)
			.requestTimeout(BOUND)
			.build()) {
			Mono<?> call = switch ((input[0] & 0xff) % 8) {
				case 0 -> client.listSessions();
				case 1 -> client.listSessions(true);
				case 2 -> client.getSession("s1");
				case 3 -> client.isAlive("s1");
				case 4 -> client.getMessages("s1");
				case 5 -> client.listMachines();
				case 6 -> client.getMachine("m1");
				default -> client.checkServer();
			};
			call.block(BOUND);
		}
		catch (HappyConnectionException ex) {
			throw new AssertionError("a connection failure without a network: " + ex, ex);
		}
		catch (HappyException ex) {
			// refused as documented
		}
	}

}
