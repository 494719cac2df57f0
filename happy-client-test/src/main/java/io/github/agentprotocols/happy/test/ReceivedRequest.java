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

import java.util.Map;

/**
 * An HTTP request a {@link FakeHappyServer} received: a REST call, or the handshake of a
 * Socket.IO connection (path {@code /v1/updates/}).
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query parameters, the first value of each
 */
public record ReceivedRequest(String method, String path, Map<String, String> query) {

	/**
	 * Create a new {@code ReceivedRequest}, keeping a copy of the query.
	 * @param method the HTTP method
	 * @param path the path, without the query
	 * @param query the query parameters, the first value of each
	 */
	public ReceivedRequest {
		query = Map.copyOf(query);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.query.isEmpty() ? "" : " " + this.query);
	}

}
