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

package io.github.agentprotocols.happy.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.agentprotocols.happy.wire.HappyJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The test kit's own REST calls to a Happy server (JDK {@link HttpClient}), for the test
 * account's login and the fake daemon.
 */
final class HappyHttp {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private HappyHttp() {
	}

	/**
	 * POST a JSON body and read the JSON answer.
	 * @param url the full URL
	 * @param token the bearer token, or {@code null}
	 * @param body the body
	 * @return the answer
	 * @throws IllegalStateException unless the answer is a 200 with a JSON body
	 */
	static JsonNode post(String url, @Nullable String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(HappyJson.write(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("POST " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during POST " + url, ex);
		}
		JsonNode answer = Json.parseOrNull(response.body());
		if (response.statusCode() != 200 || answer == null) {
			throw new IllegalStateException(
					"POST " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return answer;
	}

}
