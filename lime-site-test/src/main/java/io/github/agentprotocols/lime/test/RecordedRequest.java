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

package io.github.agentprotocols.lime.test;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the {@link FakeLimeApi} received.
 *
 * @param endpoint the endpoint it was routed to
 * @param method the HTTP method
 * @param path the path, without the query string
 * @param headers the headers, names in lower case (the last value of a repeated header)
 * @param body the request body as text, empty when there was none
 */
public record RecordedRequest(Endpoint endpoint, String method, String path, Map<String, String> headers, String body) {

	/**
	 * The value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the request did not carry it
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
