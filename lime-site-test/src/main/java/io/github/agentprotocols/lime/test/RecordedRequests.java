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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the {@link FakeLimeApi} received, per {@link Endpoint}, so tests can
 * assert call counts, headers and bodies. Every request is counted and recorded,
 * including those answered with an error or an injected fault; the newest
 * {@link FakeLimeApi.Builder#maxRecordedRequests(int) maxRecordedRequests} are kept, so
 * that a fake serving for long (in a demo application, under load) keeps its memory.
 */
public final class RecordedRequests {

	private final int limit;

	private final Deque<RecordedRequest> requests = new ArrayDeque<>();

	private final Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);

	RecordedRequests(int limit) {
		this.limit = limit;
	}

	synchronized void add(RecordedRequest request) {
		this.counts.merge(request.endpoint(), 1, Integer::sum);
		if (this.limit == 0) {
			return;
		}
		if (this.requests.size() == this.limit) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

	/**
	 * How many requests reached the endpoint, those no longer kept included.
	 * @param endpoint the endpoint
	 * @return the count since start or the last {@link #clear()}
	 */
	public synchronized int count(Endpoint endpoint) {
		return this.counts.getOrDefault(endpoint, 0);
	}

	/**
	 * The kept requests that reached the endpoint, oldest first.
	 * @param endpoint the endpoint
	 * @return a snapshot
	 */
	public synchronized List<RecordedRequest> of(Endpoint endpoint) {
		return this.requests.stream().filter((request) -> request.endpoint() == endpoint).toList();
	}

	/**
	 * Every kept request, oldest first.
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
		this.counts.clear();
	}

}
