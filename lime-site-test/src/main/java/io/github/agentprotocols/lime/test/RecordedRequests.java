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

import java.util.ArrayList;
import java.util.List;

/**
 * The requests the {@link FakeLimeApi} received, per {@link Endpoint}, so tests can
 * assert call counts, headers and bodies. Every request is recorded, including those
 * answered with an error or an injected fault.
 */
public final class RecordedRequests {

	private final List<RecordedRequest> requests = new ArrayList<>();

	RecordedRequests() {
	}

	synchronized void add(RecordedRequest request) {
		this.requests.add(request);
	}

	/**
	 * How many requests reached the endpoint.
	 * @param endpoint the endpoint
	 * @return the count since start or the last {@link #clear()}
	 */
	public synchronized int count(Endpoint endpoint) {
		return (int) this.requests.stream().filter((request) -> request.endpoint() == endpoint).count();
	}

	/**
	 * The requests that reached the endpoint, oldest first.
	 * @param endpoint the endpoint
	 * @return a snapshot
	 */
	public synchronized List<RecordedRequest> of(Endpoint endpoint) {
		return this.requests.stream().filter((request) -> request.endpoint() == endpoint).toList();
	}

	/**
	 * Every request received, oldest first.
	 * @return a snapshot
	 */
	public synchronized List<RecordedRequest> all() {
		return List.copyOf(this.requests);
	}

	/**
	 * Forget the requests received so far.
	 */
	public synchronized void clear() {
		this.requests.clear();
	}

}
