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

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The headers of an HTTP request a {@link FakeHappyServer} received, to check what a
 * client sent besides the request itself (such as the {@code traceparent} of a trace).
 *
 * @param request the request
 * @param headers the headers by lower-case name, the first value of each
 */
public record ReceivedHeaders(ReceivedRequest request, Map<String, String> headers) {

	/**
	 * Create a new {@code ReceivedHeaders}, keeping a copy of the headers.
	 * @param request the request
	 * @param headers the headers by lower-case name, the first value of each
	 */
	public ReceivedHeaders {
		headers = Map.copyOf(headers);
	}

	/**
	 * One header.
	 * @param name its name, in any case
	 * @return its first value, or {@code null} when the request had none
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
