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

package io.github.agentprotocols.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An HTTP request per call, through the JDK's {@link HttpClient}; an answer with a status
 * of 400 or more counts as a failure.
 */
public final class HttpOperation implements Operation {

	private final HttpClient client;

	private final Supplier<HttpRequest> requests;

	/**
	 * Create an operation that sends the request {@code requests} supplies on each call.
	 * @param client the client
	 * @param requests the request of each call
	 */
	public HttpOperation(HttpClient client, Supplier<HttpRequest> requests) {
		this.client = client;
		this.requests = requests;
	}

	/**
	 * An operation that GETs {@code uri}.
	 * @param client the client
	 * @param uri the address
	 * @return the operation
	 */
	public static HttpOperation get(HttpClient client, URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
		return new HttpOperation(client, () -> request);
	}

	@Override
	public CompletionStage<HttpResponse<String>> call() {
		return this.client.sendAsync(this.requests.get(), HttpResponse.BodyHandlers.ofString())
			.thenApply(HttpOperation::requireSuccess);
	}

	private static HttpResponse<String> requireSuccess(HttpResponse<String> response) {
		if (response.statusCode() >= 400) {
			throw new IllegalStateException(new IOException("HTTP " + response.statusCode()));
		}
		return response;
	}

}
